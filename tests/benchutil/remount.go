// Package benchutil holds helpers for keeper benchmarks.
package benchutil

import (
	"testing"

	"cosmossdk.io/log"
	"cosmossdk.io/store/metrics"
	"cosmossdk.io/store/rootmulti"
	storetypes "cosmossdk.io/store/types"
	dbm "github.com/cosmos/cosmos-db"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"
)

// RemountCommitting moves a test context's state to a multistore that can
// commit, and returns the context on it. testutil.DefaultContextWithKeys
// mounts every store on one database under one prefix, so committing them
// would clash; here each store gets its own prefix, as in the app. Keepers
// keep their store keys, so they read and write the new stores.
//
// Why benchmarks need it: an uncommitted IAVL tree keeps every write in a
// cache whose iterators cost O(pending writes), which would make any walk
// look as slow as the whole setup.
func RemountCommitting(tb testing.TB, ctx sdk.Context) sdk.Context {
	old, ok := ctx.MultiStore().(*rootmulti.Store)
	require.True(tb, ok, "context store is %T", ctx.MultiStore())
	cms := rootmulti.NewStore(dbm.NewMemDB(), log.NewNopLogger(), metrics.NewNoOpMetrics())
	keys := old.StoreKeysByName()
	for _, key := range keys {
		cms.MountStoreWithDB(key, storetypes.StoreTypeIAVL, nil)
	}
	require.NoError(tb, cms.LoadLatestVersion())
	for _, key := range keys {
		from, to := old.GetKVStore(key), cms.GetKVStore(key)
		it := from.Iterator(nil, nil)
		for ; it.Valid(); it.Next() {
			to.Set(it.Key(), it.Value())
		}
		require.NoError(tb, it.Close())
	}
	cms.Commit()
	return ctx.WithMultiStore(cms)
}
