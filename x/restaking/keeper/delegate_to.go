package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// DelegateTo resolves the target of type t and id, then restakes amount
// from user to it: the checks of MsgDelegatePool, MsgDelegateOperator and
// MsgDelegateService, in one place for the Msgs and for other modules that
// delegate on a user's behalf (restake on arrival). Operators and services
// must be ACTIVE (and an operator not jailed).
//
// A pool takes exactly one denom. Pool id 0 names the pool of that denom,
// created on its first restakable delegation; a non-zero id must be an
// existing pool of that denom. It returns the resolved target and the new
// shares.
func (k *Keeper) DelegateTo(ctx context.Context, t types.DelegationType, id uint32, user sdk.AccAddress, amount sdk.Coins) (types.Target, sdk.DecCoins, error) {
	// The amount is checked first, as the Msgs always did: a bad amount
	// is reported as such whatever the target.
	if err := types.ValidateAmount(amount); err != nil {
		return types.Target{}, nil, err
	}
	var (
		target types.Target
		err    error
	)
	if t == types.DELEGATION_TYPE_POOL {
		target, err = k.poolTarget(ctx, id, amount)
	} else {
		target, err = k.depositTarget(ctx, t, id)
	}
	if err != nil {
		return types.Target{}, nil, err
	}
	shares, err := k.Delegate(ctx, target, user, amount)
	if err != nil {
		return types.Target{}, nil, err
	}
	return target, shares, nil
}

// poolTarget resolves the pool a single-denom amount goes to. The
// restakable check comes before GetOrCreatePool so a refused denom never
// gets a pool.
func (k *Keeper) poolTarget(ctx context.Context, id uint32, amount sdk.Coins) (types.Target, error) {
	if len(amount) != 1 {
		return types.Target{}, errorsmod.Wrapf(types.ErrInvalidAmount, "a pool takes one denom, got %s", amount)
	}
	denom := amount[0].Denom
	params, err := k.params.Get(ctx)
	if err != nil {
		return types.Target{}, err
	}
	if !params.IsDenomRestakable(denom) {
		return types.Target{}, errorsmod.Wrapf(types.ErrDenomNotRestakable, "%s is not in the restakable denoms", denom)
	}
	if id == 0 {
		pool, err := k.pools.GetOrCreatePool(ctx, denom)
		if err != nil {
			return types.Target{}, err
		}
		return newTarget(types.DELEGATION_TYPE_POOL, pool.Id, pool.Address)
	}
	pool, err := k.pools.GetPool(ctx, id)
	if err != nil {
		return types.Target{}, errorsmod.Wrapf(types.ErrTargetNotFound, "pool %d: %s", id, err)
	}
	if pool.Denom != denom {
		return types.Target{}, errorsmod.Wrapf(types.ErrInvalidTarget, "pool %d holds %s, not %s", id, pool.Denom, denom)
	}
	return newTarget(types.DELEGATION_TYPE_POOL, pool.Id, pool.Address)
}
