package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// UndelegatePool starts unbonding from the pool of the amount's denom.
func (ms msgServer) UndelegatePool(ctx context.Context, msg *types.MsgUndelegatePool) (*types.MsgUndelegateResponse, error) {
	user, err := sdk.AccAddressFromBech32(msg.Delegator)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	pool, err := ms.pools.GetPoolByDenom(ctx, msg.Amount.Denom)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrTargetNotFound, "no pool for %s", msg.Amount.Denom)
	}
	target, err := newTarget(types.DELEGATION_TYPE_POOL, pool.Id, pool.Address)
	if err != nil {
		return nil, err
	}
	return ms.undelegate(ctx, target, user, sdk.Coins{msg.Amount})
}
