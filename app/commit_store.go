package app

import (
	"cosmossdk.io/log"
	"cosmossdk.io/store/metrics"
	"cosmossdk.io/store/rootmulti"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/gogoproto/grpc"

	"github.com/milkyway-labs/milkyway-rollup/app/lazystore"
)

// withLazyBranches makes the app's commit multistore the SDK's, with
// branches that cache a store on first use (lazystore). It must be the
// first BaseApp option: the others (pruning, the inter-block cache,
// snapshots) configure the store in place.
func withLazyBranches(db dbm.DB, logger log.Logger) func(*baseapp.BaseApp) {
	return func(b *baseapp.BaseApp) {
		b.SetCMS(lazystore.NewRoot(rootmulti.NewStore(db, logger, metrics.NewNoOpMetrics())))
	}
}

// setCommitHeader gives the store the header BaseApp gives a
// *rootmulti.Store before Commit (its time goes into the commit info,
// which queries at past heights read their block time from). BaseApp
// does it by type assertion, which the wrapped store does not pass.
func (app *App) setCommitHeader(req *abci.RequestFinalizeBlock) {
	if root, ok := app.CommitMultiStore().(lazystore.Root); ok {
		root.SetCommitHeader(cmtproto.Header{ChainID: app.ChainID(), Height: req.Height, Time: req.Time})
	}
}

// moduleQueryServer is where the modules register their queries: with the
// app's lazy store, the router wrapped to give queries at past heights
// their block time (query_block_time.go).
func (app *App) moduleQueryServer() grpc.Server {
	if root, ok := app.CommitMultiStore().(lazystore.Root); ok {
		return pastBlockTimes{GRPCQueryRouter: app.GRPCQueryRouter(), store: root.Store}
	}
	return app.GRPCQueryRouter()
}
