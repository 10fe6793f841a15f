package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// depositTarget loads a target that is about to receive stake: it must
// exist and, for operators and services, be ACTIVE. A service's own denom
// list travels with it.
func (k *Keeper) depositTarget(ctx context.Context, t types.DelegationType, id uint32) (types.Target, error) {
	switch t {
	case types.DELEGATION_TYPE_POOL:
		return k.existingTarget(ctx, t, id)
	case types.DELEGATION_TYPE_OPERATOR:
		op, err := k.operators.GetOperator(ctx, id)
		if err != nil {
			return types.Target{}, errorsmod.Wrapf(types.ErrTargetNotFound, "operator %d: %s", id, err)
		}
		if op.Status != operatorstypes.OPERATOR_STATUS_ACTIVE {
			return types.Target{}, errorsmod.Wrapf(types.ErrTargetNotActive, "operator %d is %s", id, op.Status)
		}
		if k.opGuard != nil {
			if err := k.opGuard(ctx, id); err != nil {
				return types.Target{}, err
			}
		}
		return newTarget(t, id, op.Address)
	case types.DELEGATION_TYPE_SERVICE:
		svc, err := k.services.GetService(ctx, id)
		if err != nil {
			return types.Target{}, errorsmod.Wrapf(types.ErrTargetNotFound, "service %d: %s", id, err)
		}
		if !svc.IsActive() {
			return types.Target{}, errorsmod.Wrapf(types.ErrTargetNotActive, "service %d is %s", id, svc.Status)
		}
		params, err := k.services.GetServiceParams(ctx, id)
		if err != nil {
			return types.Target{}, err
		}
		target, err := newTarget(t, id, svc.Address)
		target.AllowedDenoms = params.AllowedDenoms
		return target, err
	default:
		return types.Target{}, t.Validate()
	}
}

// existingTarget loads a target whatever its status: undelegating from an
// inactive operator or service must always be possible.
func (k *Keeper) existingTarget(ctx context.Context, t types.DelegationType, id uint32) (types.Target, error) {
	switch t {
	case types.DELEGATION_TYPE_POOL:
		pool, err := k.pools.GetPool(ctx, id)
		if err != nil {
			return types.Target{}, errorsmod.Wrapf(types.ErrTargetNotFound, "pool %d: %s", id, err)
		}
		return newTarget(t, id, pool.Address)
	case types.DELEGATION_TYPE_OPERATOR:
		op, err := k.operators.GetOperator(ctx, id)
		if err != nil {
			return types.Target{}, errorsmod.Wrapf(types.ErrTargetNotFound, "operator %d: %s", id, err)
		}
		return newTarget(t, id, op.Address)
	case types.DELEGATION_TYPE_SERVICE:
		svc, err := k.services.GetService(ctx, id)
		if err != nil {
			return types.Target{}, errorsmod.Wrapf(types.ErrTargetNotFound, "service %d: %s", id, err)
		}
		return newTarget(t, id, svc.Address)
	default:
		return types.Target{}, t.Validate()
	}
}

func newTarget(t types.DelegationType, id uint32, bech32 string) (types.Target, error) {
	addr, err := sdk.AccAddressFromBech32(bech32)
	if err != nil {
		return types.Target{}, errorsmod.Wrapf(types.ErrInvalidTarget, "target %d has address %q: %s", id, bech32, err)
	}
	return types.Target{Type: t, ID: id, Address: addr}, nil
}
