package keeper

import (
	"context"
	"errors"
	"slices"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
)

// refIndex is a collections index that references a value under zero or
// more keys (a trust class under each of its services; a delegation under
// its class, or nowhere when it has none). indexes.Multi allows exactly one
// reference per value. The store keeps it with the map; a Set whose
// references did not change writes nothing here, so updating a class's
// shares or a member's shares costs no index writes.
type refIndex[RK, PK, V any] struct {
	refs func(pk PK, v V) []RK
	set  collections.KeySet[collections.Pair[RK, PK]]
	rk   collcodec.KeyCodec[RK]
}

func newRefIndex[RK, PK, V any](sb *collections.SchemaBuilder, prefix collections.Prefix, name string,
	rk collcodec.KeyCodec[RK], pk collcodec.KeyCodec[PK], refs func(PK, V) []RK,
) *refIndex[RK, PK, V] {
	return &refIndex[RK, PK, V]{refs: refs, rk: rk, set: collections.NewKeySet(sb, prefix, name, collections.PairKeyCodec(rk, pk))}
}

// Reference implements collections.Index.
func (i *refIndex[RK, PK, V]) Reference(ctx context.Context, pk PK, v V, lazyOld func() (V, error)) error {
	refs := i.refs(pk, v)
	old, err := lazyOld()
	switch {
	case errors.Is(err, collections.ErrNotFound):
	case err != nil:
		return err
	default:
		oldRefs := i.refs(pk, old)
		if i.equal(oldRefs, refs) {
			return nil
		}
		if err := i.remove(ctx, pk, oldRefs); err != nil {
			return err
		}
	}
	for _, r := range refs {
		if err := i.set.Set(ctx, collections.Join(r, pk)); err != nil {
			return err
		}
	}
	return nil
}

// Unreference implements collections.Index.
func (i *refIndex[RK, PK, V]) Unreference(ctx context.Context, pk PK, lazyOld func() (V, error)) error {
	old, err := lazyOld()
	if err != nil {
		return err
	}
	return i.remove(ctx, pk, i.refs(pk, old))
}

func (i *refIndex[RK, PK, V]) remove(ctx context.Context, pk PK, refs []RK) error {
	for _, r := range refs {
		if err := i.set.Remove(ctx, collections.Join(r, pk)); err != nil {
			return err
		}
	}
	return nil
}

// equal compares references by their key encoding (RK need not be comparable).
func (i *refIndex[RK, PK, V]) equal(a, b []RK) bool {
	enc := func(rs []RK) []string {
		out := make([]string, len(rs))
		for n, r := range rs {
			buf := make([]byte, i.rk.Size(r))
			if _, err := i.rk.Encode(buf, r); err != nil {
				return nil
			}
			out[n] = string(buf)
		}
		return out
	}
	return len(a) == len(b) && slices.Equal(enc(a), enc(b))
}

// Walk visits the primary keys referenced under ref, in key order, from
// start (exclusive) when given.
func (i *refIndex[RK, PK, V]) Walk(ctx context.Context, ref RK, start *PK, fn func(pk PK) (stop bool, err error)) error {
	rng := collections.NewPrefixedPairRange[RK, PK](ref)
	if start != nil {
		rng = rng.StartExclusive(*start)
	}
	return i.set.Walk(ctx, rng, func(key collections.Pair[RK, PK]) (bool, error) { return fn(key.K2()) })
}
