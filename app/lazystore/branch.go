package lazystore

import (
	"fmt"
	"io"
	"sync"

	"cosmossdk.io/store/cachekv"
	"cosmossdk.io/store/tracekv"
	"cosmossdk.io/store/types"
)

// parent is what a branch is made over: a store for each registered key.
type parent interface {
	// storeFor returns the store a branch caches for key, or false when
	// no store is registered under key.
	storeFor(key types.StoreKey) (types.KVStore, bool)
}

// branch is a cache-wrapped multistore, as the SDK's cachemulti.Store,
// except that it makes the cache of each store (a cachekv.Store) when the
// store is first asked for, not when the branch is made.
//
// The result is the same: a cachekv store reads through to its parent
// when it is read, not when it is made, so one made on first use sees
// exactly what one made with the branch would; and a store never asked
// for has nothing to write. The parent's store is itself made on first
// use, so a branch of a branch makes caches only along the stores used.
type branch struct {
	parent parent

	mu     *sync.Mutex // guards stores; shared by the copies SetTracer returns
	stores map[types.StoreKey]*cachekv.Store

	// The tracer the branch was made with traces its stores, as the SDK's
	// branch wraps each store when it is made; SetTracer and
	// SetTracingContext change only what the branch's own branches get.
	wrapWriter   io.Writer
	wrapContext  types.TraceContext
	traceWriter  io.Writer
	traceContext types.TraceContext
}

var _ types.CacheMultiStore = branch{}

func newBranch(p parent, w io.Writer, tc types.TraceContext) branch {
	b := branch{parent: p, mu: &sync.Mutex{}, stores: make(map[types.StoreKey]*cachekv.Store, 8), traceWriter: w, traceContext: tc}
	if w != nil {
		b.wrapWriter, b.wrapContext = w, tc.Clone()
	}
	return b
}

// storeFor makes b's cache of key's store if it has none yet: a branch of
// b then reads and writes through it.
func (b branch) storeFor(key types.StoreKey) (types.KVStore, bool) {
	if key == nil {
		return nil, false
	}
	// Branches are mostly used from one goroutine, but nothing in the SDK
	// promises it (a keeper may read from several), and the eager branch
	// only ever read its map.
	b.mu.Lock()
	defer b.mu.Unlock()
	if s, ok := b.stores[key]; ok {
		return s, true
	}
	under, ok := b.parent.storeFor(key)
	if !ok {
		return nil, false
	}
	if b.wrapWriter != nil {
		under = tracekv.NewStore(under, b.wrapWriter, b.wrapContext.Clone().Merge(types.TraceContext{storeNameCtxKey: key.Name()}))
	}
	s := cachekv.NewStore(under)
	b.stores[key] = s
	return s, true
}

// storeNameCtxKey is the trace context key cachemulti names a store by.
const storeNameCtxKey = "store_name"

// GetKVStore returns b's cache of key's store and panics, as the SDK's
// branch does, for a key no store is registered under.
func (b branch) GetKVStore(key types.StoreKey) types.KVStore {
	s, ok := b.storeFor(key)
	if !ok {
		panic(fmt.Sprintf("kv store with key %v has not been registered in stores", key))
	}
	return s
}

// GetStore is GetKVStore as a types.Store.
func (b branch) GetStore(key types.StoreKey) types.Store {
	return b.GetKVStore(key)
}

// Write writes each store's cache to its parent. The stores are
// independent, so their order does not matter.
func (b branch) Write() {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, s := range b.stores {
		s.Write()
	}
}

// CacheMultiStore branches b.
func (b branch) CacheMultiStore() types.CacheMultiStore {
	return newBranch(b, b.traceWriter, b.traceContext)
}

// CacheMultiStoreWithVersion panics, as the SDK's branch does: a branch
// holds no versions.
func (b branch) CacheMultiStoreWithVersion(int64) (types.CacheMultiStore, error) {
	panic("cannot branch cached multi-store with a version")
}

func (b branch) CacheWrap() types.CacheWrap { return b.CacheMultiStore().(types.CacheWrap) }

func (b branch) CacheWrapWithTrace(io.Writer, types.TraceContext) types.CacheWrap {
	return b.CacheWrap()
}

func (b branch) GetStoreType() types.StoreType { return types.StoreTypeMulti }

// LatestVersion panics, as the SDK's branch does.
func (b branch) LatestVersion() int64 {
	panic("cannot get latest version from branch cached multi-store")
}

// SetTracer returns b with its branches' stores traced to w, as the SDK's
// branch does.
func (b branch) SetTracer(w io.Writer) types.MultiStore {
	b.traceWriter = w
	return b
}

// SetTracingContext merges tc into b's trace context, as the SDK's
// branch does.
func (b branch) SetTracingContext(tc types.TraceContext) types.MultiStore {
	if b.traceContext != nil {
		for k, v := range tc {
			b.traceContext[k] = v
		}
	} else {
		b.traceContext = tc
	}
	return b
}

func (b branch) TracingEnabled() bool { return b.traceWriter != nil }
