// Package lazystore is the app's commit multistore: the SDK's rootmulti
// store, whose branches make each store's cache on first use.
//
// BaseApp branches the whole multistore twice for every transaction (once
// for the ante handler, once for the messages), and the SDK's branch makes
// a cache for each of the app's 24 stores, and writes each back, although
// a restake or a bank send uses five or six. In issue 15's replay profile
// that was about a tenth of the time spent executing blocks. The
// sei-protocol chain made the same change to its fork of the SDK store
// (sei-chain pull request 2876).
package lazystore

import (
	"cosmossdk.io/store/rootmulti"
	"cosmossdk.io/store/types"
)

// Root is the SDK's rootmulti.Store with lazy branches. Everything else
// (loading, committing, queries at a height, snapshots) is the SDK's.
type Root struct {
	*rootmulti.Store
}

var _ types.CommitMultiStore = Root{}

// NewRoot wraps store.
func NewRoot(store *rootmulti.Store) Root { return Root{Store: store} }

// CacheMultiStore branches the committed state. With tracing or a state
// listener on, it is the SDK's own branch: those wrap every store of
// every branch, which the root's unexported tracer and listeners decide.
func (r Root) CacheMultiStore() types.CacheMultiStore {
	if r.TracingEnabled() || r.listening() {
		return r.Store.CacheMultiStore()
	}
	return newBranch(r, nil, nil)
}

// CacheWrap branches the committed state, as CacheMultiStore.
func (r Root) CacheWrap() types.CacheWrap { return r.CacheMultiStore().(types.CacheWrap) }

// storeFor is the committed store registered under key.
func (r Root) storeFor(key types.StoreKey) (types.KVStore, bool) {
	if key == nil || r.StoreKeysByName()[key.Name()] != key {
		return nil, false
	}
	// GetKVStore, not GetCommitKVStore: with the inter-block cache on, the
	// store is the cache over the IAVL tree, as the SDK's branch has it.
	return r.GetKVStore(key), true
}

// listening reports whether any store has a state listener (ABCI state
// streaming).
func (r Root) listening() bool {
	for _, key := range r.StoreKeysByName() {
		if r.ListeningEnabled(key) {
			return true
		}
	}
	return false
}
