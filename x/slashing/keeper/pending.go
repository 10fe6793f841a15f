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

// The pending queue is ordered by execution time for EndBlock. The guards
// that run on every delegation and trust change look the pending slashes up
// by operator and by service instead: the slashes map keeps an index of
// its PENDING slashes on each, so a guard reads one prefix, not the queue.

// slashIndexes are the indexes of the slashes map.
type slashIndexes struct {
	// PendingByOperator: (operator, slash id) -> () for PENDING slashes.
	PendingByOperator *pendingIndex
	// PendingByService: (service, slash id) -> () for PENDING slashes.
	PendingByService *pendingIndex
}

// IndexesList implements collections.Indexes.
func (i slashIndexes) IndexesList() []collections.Index[uint64, types.Slash] {
	return []collections.Index[uint64, types.Slash]{i.PendingByOperator, i.PendingByService}
}

// pendingIndex indexes the PENDING slashes by an id they carry (operator or
// service): (owner id, slash id) -> (). It is an indexes.Multi that leaves
// out every other status, which Multi cannot do: a Multi holds an entry
// for every value, and executed, failed and vetoed slashes stay in the map
// as the record, so it would grow with every slash ever made and the
// guards would have to skip the finished ones. The keys are those of
// indexes.Multi, Pair(owner id, slash id).
type pendingIndex struct {
	keys  collections.KeySet[collections.Pair[uint32, uint64]]
	owner func(types.Slash) uint32
}

func newPendingIndex(sb *collections.SchemaBuilder, prefix collections.Prefix, name string, owner func(types.Slash) uint32) *pendingIndex {
	return &pendingIndex{
		keys:  collections.NewKeySet(sb, prefix, name, collections.PairKeyCodec(collections.Uint32Key, collections.Uint64Key)),
		owner: owner,
	}
}

// Reference implements collections.Index. A slash's operator and service
// never change, so the entry to keep or drop is the one the new value
// names, and the old value is not read: the index writes exactly what
// enqueue and dequeue wrote when it was kept by hand.
func (i *pendingIndex) Reference(ctx context.Context, id uint64, s types.Slash, _ func() (types.Slash, error)) error {
	key := collections.Join(i.owner(s), id)
	if s.Status == types.SLASH_STATUS_PENDING {
		return i.keys.Set(ctx, key)
	}
	return i.keys.Remove(ctx, key)
}

// Unreference implements collections.Index.
func (i *pendingIndex) Unreference(ctx context.Context, id uint64, lazyOldValue func() (types.Slash, error)) error {
	s, err := lazyOldValue()
	if err != nil {
		return err
	}
	return i.keys.Remove(ctx, collections.Join(i.owner(s), id))
}

// Walk visits the pending slash ids under owner, lowest first.
func (i *pendingIndex) Walk(ctx context.Context, owner uint32, fn func(slashID uint64) (stop bool, err error)) error {
	rng := collections.NewPrefixedPairRange[uint32, uint64](owner)
	return i.keys.Walk(ctx, rng, func(key collections.Pair[uint32, uint64]) (bool, error) { return fn(key.K2()) })
}

// First returns the lowest pending slash id under owner, or 0 when there is
// none.
func (i *pendingIndex) First(ctx context.Context, owner uint32) (uint64, error) {
	var first uint64
	err := i.Walk(ctx, owner, func(slashID uint64) (bool, error) {
		first = slashID
		return true, nil
	})
	return first, err
}

// enqueue adds a pending slash to the queue; the slashes map indexes it by
// operator and service as it is stored.
func (k *Keeper) enqueue(ctx context.Context, s types.Slash) error {
	return k.pending.Set(ctx, pendingKey(s))
}

// dequeue removes a slash from the queue; it leaves the operator and
// service indexes when it is stored with its new status.
func (k *Keeper) dequeue(ctx context.Context, s types.Slash) error {
	return k.pending.Remove(ctx, pendingKey(s))
}

// refusePending returns ErrSlashPending when a slash is pending under id
// in the index; format gets id and the slash id.
func (k *Keeper) refusePending(ctx context.Context, index *pendingIndex, id uint32, format string) error {
	slashID, err := index.First(ctx, id)
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
	err := k.slashes.Indexes.PendingByOperator.Walk(ctx, operatorID, func(slashID uint64) (bool, error) {
		s, err := k.slashes.Get(ctx, slashID)
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
