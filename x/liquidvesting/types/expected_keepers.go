package types

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// AccountKeeper finds module accounts: the module's own, and whether an
// address belongs to any module (the send restriction refuses those).
type AccountKeeper interface {
	GetModuleAddress(name string) sdk.AccAddress
	GetModuleAccount(ctx context.Context, name string) sdk.ModuleAccountI
	GetAccount(ctx context.Context, addr sdk.AccAddress) sdk.AccountI
}

// BankKeeper mints and burns locked tokens and moves insurance funds.
type BankKeeper interface {
	MintCoins(ctx context.Context, module string, amt sdk.Coins) error
	BurnCoins(ctx context.Context, module string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, module string, to sdk.AccAddress, amt sdk.Coins) error
	SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error
	GetBalance(ctx context.Context, addr sdk.AccAddress, denom string) sdk.Coin
	GetAllBalances(ctx context.Context, addr sdk.AccAddress) sdk.Coins
	HasDenomMetaData(ctx context.Context, denom string) bool
	SetDenomMetaData(ctx context.Context, metadata banktypes.Metadata)
}

// RestakingKeeper reads a user's restaked positions and force-unbonds
// them for a burn, through the normal unbonding queue.
type RestakingKeeper interface {
	Now(ctx context.Context) (time.Time, error)
	IterateUserDelegations(ctx context.Context, user sdk.AccAddress, fn func(restakingtypes.Delegation) (stop bool, err error)) error
	GetTargetStake(ctx context.Context, t restakingtypes.DelegationType, id uint32, denom string) (restakingtypes.DenomStake, error)
	UndelegateFrom(ctx context.Context, t restakingtypes.DelegationType, id uint32, user sdk.AccAddress, amount sdk.Coins) (time.Time, error)
}

// TargetAddressCheck tells whether addr is a restaking target's account
// (a pool, an operator or a service).
type TargetAddressCheck func(ctx context.Context, addr sdk.AccAddress) (bool, error)
