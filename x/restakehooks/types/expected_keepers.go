package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// RestakingKeeper delegates in a user's name through x/restaking's one
// delegation path, with every check a signed Msg gets (target exists and
// is active, operator not jailed, denom restakable for the chain and the
// target, cap, restriction, pending slashes of trusted services). On error
// it may have written state: the caller runs it in a cache context.
type RestakingKeeper interface {
	DelegateTo(ctx context.Context, t restakingtypes.DelegationType, id uint32, user sdk.AccAddress,
		amount sdk.Coins) (restakingtypes.Target, sdk.DecCoins, error)
}
