package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// AccountKeeper creates the pool accounts.
type AccountKeeper interface {
	HasAccount(ctx context.Context, addr sdk.AccAddress) bool
	NewAccountWithAddress(ctx context.Context, addr sdk.AccAddress) sdk.AccountI
	SetAccount(ctx context.Context, acc sdk.AccountI)
}

// PoolsHooks lets other modules react to a new pool (x/rewards will set up
// its accounting there).
type PoolsHooks interface {
	AfterPoolCreated(ctx context.Context, poolID uint32) error
}
