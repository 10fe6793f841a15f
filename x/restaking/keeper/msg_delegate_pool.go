package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// DelegatePool restakes one denom to its pool, creating the pool on the
// first delegation of a restakable denom.
func (ms msgServer) DelegatePool(ctx context.Context, msg *types.MsgDelegatePool) (*types.MsgDelegateResponse, error) {
	user, err := sdk.AccAddressFromBech32(msg.Delegator)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	if err := types.ValidateAmount(sdk.Coins{msg.Amount}); err != nil {
		return nil, err
	}
	params, err := ms.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	// Check before GetOrCreatePool so a refused denom never gets a pool.
	if !params.IsDenomRestakable(msg.Amount.Denom) {
		return nil, errorsmod.Wrapf(types.ErrDenomNotRestakable, "%s is not in the restakable denoms", msg.Amount.Denom)
	}
	pool, err := ms.pools.GetOrCreatePool(ctx, msg.Amount.Denom)
	if err != nil {
		return nil, err
	}
	target, err := newTarget(types.DELEGATION_TYPE_POOL, pool.Id, pool.Address)
	if err != nil {
		return nil, err
	}
	shares, err := ms.Delegate(ctx, target, user, sdk.Coins{msg.Amount})
	if err != nil {
		return nil, err
	}
	return &types.MsgDelegateResponse{NewShares: shares}, nil
}
