package keeper

import (
	"context"
	"errors"
	"math"
	"time"

	"cosmossdk.io/collections"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// startInactivation moves an ACTIVE operator to INACTIVATING and queues it
// until block time + deactivation_time, which it returns.
func (k *Keeper) startInactivation(ctx context.Context, op types.Operator) (time.Time, error) {
	if op.Status != types.OPERATOR_STATUS_ACTIVE {
		return time.Time{}, types.ErrOperatorNotActive.Wrapf("operator %d is %s", op.Id, op.Status)
	}
	params, err := k.GetParams(ctx)
	if err != nil {
		return time.Time{}, err
	}
	now, err := k.now(ctx)
	if err != nil {
		return time.Time{}, err
	}
	end := now.Add(params.DeactivationTime)
	op.Status = types.OPERATOR_STATUS_INACTIVATING
	if err := k.operators.Set(ctx, op.Id, op); err != nil {
		return time.Time{}, err
	}
	if err := k.enqueueInactivation(ctx, op.Id, end); err != nil {
		return time.Time{}, err
	}
	return end, k.afterOperatorInactivatingStarted(ctx, op.Id)
}

// reactivate moves an INACTIVE operator back to ACTIVE. Its params, and so
// its commission, are kept as they were.
func (k *Keeper) reactivate(ctx context.Context, op types.Operator) error {
	if op.Status != types.OPERATOR_STATUS_INACTIVE {
		return types.ErrOperatorNotInactive.Wrapf("operator %d is %s", op.Id, op.Status)
	}
	op.Status = types.OPERATOR_STATUS_ACTIVE
	if err := k.operators.Set(ctx, op.Id, op); err != nil {
		return err
	}
	// An INACTIVE operator has no queue entry; removing is a no-op kept so
	// that no path can leave a stale entry behind.
	if err := k.removeFromInactivationQueue(ctx, op.Id); err != nil {
		return err
	}
	return k.afterOperatorReactivated(ctx, op.Id)
}

// enqueueInactivation records the completion time in the queue and in the
// per-operator end map.
func (k *Keeper) enqueueInactivation(ctx context.Context, operatorID uint32, end time.Time) error {
	if err := k.inactivationQueue.Set(ctx, collections.Join(end, operatorID)); err != nil {
		return err
	}
	return k.inactivationEnd.Set(ctx, operatorID, end)
}

// removeFromInactivationQueue deletes the operator's queue entry, if any,
// with two point deletes: the end map gives the queue key.
func (k *Keeper) removeFromInactivationQueue(ctx context.Context, operatorID uint32) error {
	end, err := k.inactivationEnd.Get(ctx, operatorID)
	if errors.Is(err, collections.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := k.inactivationQueue.Remove(ctx, collections.Join(end, operatorID)); err != nil {
		return err
	}
	return k.inactivationEnd.Remove(ctx, operatorID)
}

// maturedInactivations returns the queue entries with completion time at or
// before now, in completion order. It reads only those entries.
func (k *Keeper) maturedInactivations(ctx context.Context, now time.Time) ([]collections.Pair[time.Time, uint32], error) {
	rng := new(collections.Range[collections.Pair[time.Time, uint32]]).
		EndInclusive(collections.Join(now.UTC(), uint32(math.MaxUint32)))
	it, err := k.inactivationQueue.Iterate(ctx, rng)
	if err != nil {
		return nil, err
	}
	return it.Keys()
}

// completeInactivation moves a matured INACTIVATING operator to INACTIVE,
// drops its queue entry and calls the hook. The operator's params are kept:
// unlike the reference chain, the commission does not reset to zero, so a
// reactivated operator cannot use a reset to bypass the change-rate limit.
func (k *Keeper) completeInactivation(ctx context.Context, operatorID uint32) error {
	op, err := k.GetOperator(ctx, operatorID)
	if err != nil {
		return err
	}
	if op.Status != types.OPERATOR_STATUS_INACTIVATING {
		return types.ErrOperatorNotActive.Wrapf("queued operator %d is %s, not inactivating", op.Id, op.Status)
	}
	op.Status = types.OPERATOR_STATUS_INACTIVE
	if err := k.operators.Set(ctx, op.Id, op); err != nil {
		return err
	}
	if err := k.removeFromInactivationQueue(ctx, op.Id); err != nil {
		return err
	}
	return k.afterOperatorInactivatingCompleted(ctx, op.Id)
}
