package types

import (
	"context"

	"cosmossdk.io/core/address"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// AccountKeeper gives the address codec and creates the service accounts.
type AccountKeeper interface {
	AddressCodec() address.Codec
	HasAccount(ctx context.Context, addr sdk.AccAddress) bool
	NewAccountWithAddress(ctx context.Context, addr sdk.AccAddress) sdk.AccountI
	SetAccount(ctx context.Context, acc sdk.AccountI)
}

// CommunityPoolKeeper receives registration fees.
type CommunityPoolKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// ServiceDeletionGuard is asked before a service is deleted. The restaking
// module implements it to refuse while stake still references the service,
// so deletion can never strand delegations or make block-end processing
// fail.
type ServiceDeletionGuard interface {
	CanDeleteService(ctx context.Context, serviceID uint32) error
}
