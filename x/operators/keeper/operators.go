package keeper

import (
	"context"
	"errors"
	"math"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// GetOperator returns the operator with the given id, or
// types.ErrOperatorNotFound.
func (k *Keeper) GetOperator(ctx context.Context, operatorID uint32) (types.Operator, error) {
	op, err := k.operators.Get(ctx, operatorID)
	if errors.Is(err, collections.ErrNotFound) {
		return op, types.ErrOperatorNotFound.Wrapf("operator %d", operatorID)
	}
	return op, err
}

// GetOperatorParams returns the params of the operator with the given id,
// or types.ErrOperatorNotFound. Every stored operator has params.
func (k *Keeper) GetOperatorParams(ctx context.Context, operatorID uint32) (types.OperatorParams, error) {
	p, err := k.operatorParams.Get(ctx, operatorID)
	if errors.Is(err, collections.ErrNotFound) {
		return p, types.ErrOperatorNotFound.Wrapf("params of operator %d", operatorID)
	}
	return p, err
}

// GetOperatorIDByAddress returns the id of the operator owning the given
// account, or types.ErrOperatorNotFound. It reads one index entry.
func (k *Keeper) GetOperatorIDByAddress(ctx context.Context, addr sdk.AccAddress) (uint32, error) {
	id, err := k.operators.Indexes.Address.MatchExact(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		return 0, types.ErrOperatorNotFound.Wrapf("no operator owns %s", addr)
	}
	return id, err
}

// IsOperatorAddress reports whether addr is the account of an operator.
func (k *Keeper) IsOperatorAddress(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	_, err := k.GetOperatorIDByAddress(ctx, addr)
	if errors.Is(err, types.ErrOperatorNotFound) {
		return false, nil
	}
	return err == nil, err
}

// IterateOperators calls cb for every operator in id order until it stops.
func (k *Keeper) IterateOperators(ctx context.Context, cb func(types.Operator) (stop bool, err error)) error {
	return k.operators.Walk(ctx, nil, func(_ uint32, op types.Operator) (bool, error) { return cb(op) })
}

// nextID takes the next operator id. The sequence is set to at least 1 at
// genesis; 0 is skipped anyway so that a missing genesis cannot issue it.
func (k *Keeper) nextID(ctx context.Context) (uint32, error) {
	id, err := k.nextOperatorID.Next(ctx)
	if err == nil && id == 0 {
		id, err = k.nextOperatorID.Next(ctx)
	}
	if err != nil {
		return 0, err
	}
	if id > math.MaxUint32 {
		return 0, types.ErrOperatorIDsExhausted
	}
	return uint32(id), nil
}

// operatorAddress returns the bech32 account address of an operator id.
func (k *Keeper) operatorAddress(operatorID uint32) (string, error) {
	return k.addressCodec.BytesToString(types.OperatorAddress(operatorID))
}

// createOperator stores a new operator with its params and calls the hook.
func (k *Keeper) createOperator(ctx context.Context, op types.Operator, params types.OperatorParams) error {
	if err := k.operators.Set(ctx, op.Id, op); err != nil {
		return err
	}
	if err := k.operatorParams.Set(ctx, op.Id, params); err != nil {
		return err
	}
	return k.afterOperatorRegistered(ctx, op.Id)
}

// deleteOperator removes an INACTIVE operator after the deletion guard
// agreed and the BeforeOperatorDeleted hook ran.
func (k *Keeper) deleteOperator(ctx context.Context, op types.Operator) error {
	if op.Status != types.OPERATOR_STATUS_INACTIVE {
		return types.ErrOperatorNotInactive.Wrapf("operator %d is %s", op.Id, op.Status)
	}
	if k.deletionGuard != nil {
		if err := k.deletionGuard.CanDeleteOperator(ctx, op.Id); err != nil {
			return err
		}
	}
	if err := k.beforeOperatorDeleted(ctx, op.Id); err != nil {
		return err
	}
	if err := k.removeFromInactivationQueue(ctx, op.Id); err != nil {
		return err
	}
	if err := k.operatorParams.Remove(ctx, op.Id); err != nil {
		return err
	}
	return k.operators.Remove(ctx, op.Id)
}

// setCommissionRate applies a commission change allowed by
// OperatorParams.ValidateNewRate and returns the previous rate.
func (k *Keeper) setCommissionRate(ctx context.Context, operatorID uint32, rate sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	params, err := k.GetOperatorParams(ctx, operatorID)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	now, err := k.now(ctx)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	if err := params.ValidateNewRate(rate, now); err != nil {
		return sdkmath.LegacyDec{}, err
	}
	old := params.CommissionRate
	params.CommissionRate = rate
	params.CommissionUpdateTime = now
	return old, k.operatorParams.Set(ctx, operatorID, params)
}
