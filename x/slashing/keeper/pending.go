package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// PendingKey is (execute_at, slash id).
type PendingKey = collections.Pair[time.Time, uint64]

func pendingKey(s types.Slash) PendingKey { return collections.Join(s.ExecuteAt, s.Id) }

// The pending queue is ordered by execution time for EndBlock, and indexed
// by operator and by service for the guards that run on every delegation
// and trust change: those look at one prefix instead of the whole queue.

// enqueue adds a pending slash to the queue and its indexes.
func (k *Keeper) enqueue(ctx context.Context, s types.Slash) error {
	if err := k.pending.Set(ctx, pendingKey(s)); err != nil {
		return err
	}
	if err := k.pendingByOperator.Set(ctx, collections.Join(s.OperatorId, s.Id)); err != nil {
		return err
	}
	return k.pendingByService.Set(ctx, collections.Join(s.ServiceId, s.Id))
}

// dequeue removes a slash from the queue and its indexes.
func (k *Keeper) dequeue(ctx context.Context, s types.Slash) error {
	if err := k.pending.Remove(ctx, pendingKey(s)); err != nil {
		return err
	}
	if err := k.pendingByOperator.Remove(ctx, collections.Join(s.OperatorId, s.Id)); err != nil {
		return err
	}
	return k.pendingByService.Remove(ctx, collections.Join(s.ServiceId, s.Id))
}

// firstPending returns the lowest pending slash id under id in an index,
// or 0 when there is none.
func firstPending(ctx context.Context, index collections.KeySet[collections.Pair[uint32, uint64]], id uint32) (uint64, error) {
	iter, err := index.Iterate(ctx, collections.NewPrefixedPairRange[uint32, uint64](id))
	if err != nil {
		return 0, err
	}
	defer iter.Close()
	if !iter.Valid() {
		return 0, nil
	}
	key, err := iter.Key()
	return key.K2(), err
}

// refusePending returns ErrSlashPending when a slash is pending under id
// in the index; format gets id and the slash id.
func (k *Keeper) refusePending(ctx context.Context, index collections.KeySet[collections.Pair[uint32, uint64]], id uint32, format string) error {
	slashID, err := firstPending(ctx, index, id)
	if err != nil || slashID == 0 {
		return err
	}
	return errorsmod.Wrapf(types.ErrSlashPending, format, id, slashID)
}

// refuseSecondPending allows one pending slash of a kind per operator:
// state mismatches and censorship can be submitted by anyone and are
// stopped only by a veto, so they are resolved one at a time.
func (k *Keeper) refuseSecondPending(ctx context.Context, kind types.FaultKind, operatorID uint32) error {
	var pendingID uint64
	rng := collections.NewPrefixedPairRange[uint32, uint64](operatorID)
	err := k.pendingByOperator.Walk(ctx, rng, func(key collections.Pair[uint32, uint64]) (bool, error) {
		s, err := k.slashes.Get(ctx, key.K2())
		if err == nil && s.Kind == kind {
			pendingID = s.Id
			return true, nil
		}
		return false, err
	})
	if err != nil || pendingID == 0 {
		return err
	}
	return errorsmod.Wrapf(types.ErrSlashPending, "%s slash %d against operator %d is still pending", kind, pendingID, operatorID)
}
