package types

import (
	"context"
	"time"

	"cosmossdk.io/core/address"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// AccountKeeper gives the chain's account address codec. x/auth's keeper
// satisfies it.
type AccountKeeper interface {
	AddressCodec() address.Codec
}

// CommunityPoolKeeper receives registration fees. x/distribution's keeper
// satisfies it. FundCommunityPool moves amount from sender to the community
// pool and fails, changing nothing, if the sender cannot pay.
type CommunityPoolKeeper interface {
	FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error
}

// OperatorDeletionGuard decides whether an operator may be deleted. x/restaking
// implements it to refuse while delegations or unbonding delegations to the
// operator remain, so deletion never strands tokens in the operator account.
//
// Contract: CanDeleteOperator is read-only; a non-nil error refuses the
// deletion and is returned to the sender (use a registered error).
type OperatorDeletionGuard interface {
	CanDeleteOperator(ctx context.Context, operatorID uint32) error
}

// Clock is the bounded, monotonic time source of the restaking modules
// (x/restaking implements it).
type Clock interface {
	Now(ctx context.Context) (time.Time, error)
}
