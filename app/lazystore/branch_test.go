package lazystore

import (
	"bytes"
	"fmt"
	"math/rand"
	"sync"
	"testing"

	"cosmossdk.io/log"
	"cosmossdk.io/store/cachemulti"
	"cosmossdk.io/store/metrics"
	"cosmossdk.io/store/rootmulti"
	"cosmossdk.io/store/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/stretchr/testify/require"
)

// testKeys are the stores of the roots under test: IAVL stores as the
// app's, and a transient one.
var testKeys = []types.StoreKey{
	types.NewKVStoreKey("acc"), types.NewKVStoreKey("bank"), types.NewKVStoreKey("pools"),
	types.NewKVStoreKey("restaking"), types.NewTransientStoreKey("transient"),
}

// newRootmulti is a loaded SDK root over a fresh database.
func newRootmulti(t *testing.T) *rootmulti.Store {
	t.Helper()
	rs := rootmulti.NewStore(dbm.NewMemDB(), log.NewNopLogger(), metrics.NewNoOpMetrics())
	for _, key := range testKeys {
		typ := types.StoreTypeIAVL
		if _, ok := key.(*types.TransientStoreKey); ok {
			typ = types.StoreTypeTransient
		}
		rs.MountStoreWithDB(key, typ, nil)
	}
	require.NoError(t, rs.LoadLatestVersion())
	return rs
}

// twin applies each step to the SDK's branches and to lazy ones, over two
// roots with the same state, and requires the same answers.
type twin struct {
	t         *testing.T
	sdk, lazy *rootmulti.Store
	// branches[i] is the same branch on both sides; the last is the one
	// the next step uses.
	sdkBranches, lazyBranches []types.CacheMultiStore
}

func newTwin(t *testing.T) *twin {
	return &twin{t: t, sdk: newRootmulti(t), lazy: newRootmulti(t)}
}

func (w *twin) branch() {
	if n := len(w.sdkBranches); n > 0 {
		w.sdkBranches = append(w.sdkBranches, w.sdkBranches[n-1].CacheMultiStore())
		w.lazyBranches = append(w.lazyBranches, w.lazyBranches[n-1].CacheMultiStore())
		return
	}
	w.sdkBranches = append(w.sdkBranches, w.sdk.CacheMultiStore())
	w.lazyBranches = append(w.lazyBranches, NewRoot(w.lazy).CacheMultiStore())
	_, isLazy := w.lazyBranches[0].(branch)
	require.True(w.t, isLazy, "the root made a %T", w.lazyBranches[0])
}

// pop ends the innermost branch, writing it to its parent or dropping it.
func (w *twin) pop(write bool) {
	n := len(w.sdkBranches) - 1
	if write {
		w.sdkBranches[n].Write()
		w.lazyBranches[n].Write()
	}
	w.sdkBranches, w.lazyBranches = w.sdkBranches[:n], w.lazyBranches[:n]
}

func (w *twin) stores(key types.StoreKey) (types.KVStore, types.KVStore) {
	n := len(w.sdkBranches) - 1
	return w.sdkBranches[n].GetKVStore(key), w.lazyBranches[n].GetKVStore(key)
}

func (w *twin) requireSameRange(key types.StoreKey, start, end []byte, reverse bool) {
	a, b := w.stores(key)
	require.Equal(w.t, entries(a, start, end, reverse), entries(b, start, end, reverse), "range [%x, %x) reverse %v in %s", start, end, reverse, key.Name())
}

// entries lists a range of s as "key=value" lines.
func entries(s types.KVStore, start, end []byte, reverse bool) []string {
	it := s.Iterator(start, end)
	if reverse {
		it = s.ReverseIterator(start, end)
	}
	defer it.Close()
	var out []string
	for ; it.Valid(); it.Next() {
		out = append(out, fmt.Sprintf("%x=%x", it.Key(), it.Value()))
	}
	return out
}

// Random nested branches, reads, writes, deletes and ranges give the same
// answers through lazy branches as through the SDK's, and commit the same
// state (the same app hash), block after block.
func TestLazyBranchesAnswerAndCommitAsTheSDKs(t *testing.T) {
	for seed := int64(1); seed <= 20; seed++ {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			rng := rand.New(rand.NewSource(seed))
			w := newTwin(t)
			key := func() []byte { return []byte{byte(rng.Intn(24))} }
			for block := 0; block < 5; block++ {
				w.branch() // the block's branch
				for step := 0; step < 300; step++ {
					store := testKeys[rng.Intn(len(testKeys))]
					switch op := rng.Intn(10); {
					case op == 0 && len(w.sdkBranches) < 4:
						w.branch()
					case op == 1 && len(w.sdkBranches) > 1:
						w.pop(rng.Intn(3) > 0)
					case op <= 4:
						a, b := w.stores(store)
						k, v := key(), []byte(fmt.Sprint(step))
						a.Set(k, v)
						b.Set(k, v)
					case op == 5:
						a, b := w.stores(store)
						k := key()
						a.Delete(k)
						b.Delete(k)
					case op <= 7:
						a, b := w.stores(store)
						k := key()
						require.Equal(t, a.Get(k), b.Get(k), "get %x from %s", k, store.Name())
						require.Equal(t, a.Has(k), b.Has(k))
					default:
						start, end := key(), key()
						if bytes.Compare(start, end) > 0 {
							start, end = end, start
						}
						w.requireSameRange(store, start, end, rng.Intn(2) == 0)
						w.requireSameRange(store, nil, nil, rng.Intn(2) == 0)
					}
				}
				for len(w.sdkBranches) > 0 {
					w.pop(true)
				}
				require.Equal(t, w.sdk.Commit(), w.lazy.Commit(), "block %d", block)
			}
		})
	}
}

// A key no store is registered under panics with the SDK's message, in a
// branch and in a branch of a branch.
func TestLazyBranchPanicsForAnUnregisteredKey(t *testing.T) {
	sdk := newRootmulti(t).CacheMultiStore()
	lazy := NewRoot(newRootmulti(t)).CacheMultiStore()
	unknown := types.NewKVStoreKey("unknown")
	for _, ms := range []types.CacheMultiStore{lazy, lazy.CacheMultiStore()} {
		require.PanicsWithValue(t, panicValue(func() { sdk.GetKVStore(unknown) }), func() { ms.GetKVStore(unknown) })
		require.PanicsWithValue(t, panicValue(func() { sdk.GetStore(nil) }), func() { ms.GetStore(nil) })
	}
}

func panicValue(f func()) (v any) {
	defer func() { v = recover() }()
	f()
	return nil
}

// A branch traced with SetTracer traces its branches' stores as the SDK's
// branch does: the same lines, with the same trace context.
func TestLazyBranchTracesAsTheSDKs(t *testing.T) {
	trace := func(root types.CacheMultiStore) string {
		var out bytes.Buffer
		traced := root.SetTracer(&out).SetTracingContext(types.TraceContext{"blockHeight": 7}).(types.CacheMultiStore)
		child := traced.CacheMultiStore()
		store := child.GetKVStore(testKeys[1])
		store.Set([]byte("k"), []byte("v"))
		child.Write()
		traced.GetKVStore(testKeys[1]).Get([]byte("k")) // served by the traced branch's cache: not traced
		traced.Write()
		return out.String()
	}
	want := trace(newRootmulti(t).CacheMultiStore())
	require.NotEmpty(t, want)
	require.Equal(t, want, trace(NewRoot(newRootmulti(t)).CacheMultiStore()))
}

// With tracing on at the root, branches are the SDK's own, which trace
// every store with the root's tracer and context.
func TestRootWithTracingMakesTheSDKsBranches(t *testing.T) {
	rs := newRootmulti(t)
	rs.SetTracer(&bytes.Buffer{})
	_, ok := NewRoot(rs).CacheMultiStore().(cachemulti.Store)
	require.True(t, ok)
}

// Stores asked for from several goroutines at once are made once: every
// goroutine gets the same cache, and the race detector sees no race.
func TestLazyBranchMakesEachStoreOnceUnderConcurrency(t *testing.T) {
	ms := NewRoot(newRootmulti(t)).CacheMultiStore()
	got := make([]types.KVStore, 16)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = ms.CacheMultiStore().GetKVStore(testKeys[0]) // makes the parent's on the way
			got[i] = ms.GetKVStore(testKeys[0])
		}()
	}
	wg.Wait()
	for _, s := range got[1:] {
		require.Same(t, got[0], s)
	}
}

// BenchmarkTxBranches is what BaseApp does with a block's branch for each
// transaction, on a root of the app's 24 stores: branch for the ante
// handler, then for the messages, each touching six stores, and write
// both. Compare sdk and lazy.
func BenchmarkTxBranches(b *testing.B) {
	rs := rootmulti.NewStore(dbm.NewMemDB(), log.NewNopLogger(), metrics.NewNoOpMetrics())
	var keys []types.StoreKey
	for i := 0; i < 24; i++ {
		key := types.NewKVStoreKey(fmt.Sprint("store", i))
		keys = append(keys, key)
		rs.MountStoreWithDB(key, types.StoreTypeIAVL, nil)
	}
	require.NoError(b, rs.LoadLatestVersion())
	for name, root := range map[string]types.CommitMultiStore{"sdk": rs, "lazy": NewRoot(rs)} {
		b.Run(name, func(b *testing.B) {
			block := root.CacheMultiStore()
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for phase := 0; phase < 2; phase++ {
					tx := block.CacheMultiStore()
					for _, key := range keys[:6] {
						tx.GetKVStore(key).Set([]byte{byte(i), byte(phase)}, []byte("v"))
					}
					tx.Write()
				}
			}
		})
	}
}
