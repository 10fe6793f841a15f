package keeper

import (
	"context"
	"time"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// Test-only accessors to the unexported collections.

// InactivationEnds returns the operator id -> completion time map.
func (k *Keeper) InactivationEnds(ctx context.Context) (map[uint32]time.Time, error) {
	out := map[uint32]time.Time{}
	err := k.inactivationEnd.Walk(ctx, nil, func(id uint32, t time.Time) (bool, error) {
		out[id] = t
		return false, nil
	})
	return out, err
}

// QueuedOperatorIDs returns the ids in the inactivation queue, in order.
func (k *Keeper) QueuedOperatorIDs(ctx context.Context) ([]uint32, error) {
	it, err := k.inactivationQueue.Iterate(ctx, nil)
	if err != nil {
		return nil, err
	}
	keys, err := it.Keys()
	ids := make([]uint32, len(keys))
	for i, key := range keys {
		ids[i] = key.K2()
	}
	return ids, err
}

// SetOperatorRaw stores an operator without any checks (to break invariants).
func (k *Keeper) SetOperatorRaw(ctx context.Context, op types.Operator) error {
	return k.operators.Set(ctx, op.Id, op)
}

// SetOperatorParamsRaw stores operator params without any checks.
func (k *Keeper) SetOperatorParamsRaw(ctx context.Context, id uint32, p types.OperatorParams) error {
	return k.operatorParams.Set(ctx, id, p)
}

// EnqueueRaw adds a queue entry without any checks.
func (k *Keeper) EnqueueRaw(ctx context.Context, id uint32, end time.Time) error {
	return k.enqueueInactivation(ctx, id, end)
}

// SetNextOperatorIDRaw overwrites the id sequence.
func (k *Keeper) SetNextOperatorIDRaw(ctx context.Context, next uint64) error {
	return k.nextOperatorID.Set(ctx, next)
}
