package cmd

import (
	"context"
	"fmt"
	"path/filepath"

	"cosmossdk.io/log"
	rpcclient "github.com/cometbft/cometbft/rpc/client"
	rollnode "github.com/rollkit/rollkit/node"

	"github.com/milkyway-labs/milkyway-rollup/rollupnode"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/cometrpc"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/txindex"
)

// txIndexing is what `start` does with the tx index, as config.toml's
// [tx_index] indexer says (rollupnode.TxIndexing): index with ours, or
// not at all.
type txIndexing struct {
	on     bool
	logger log.Logger
}

// checkLane says what an unindexed node does on a chain with a
// forced-inclusion lane, which finds a forced tx's block through the tx
// index. A sequencer needs that to include each forced tx once: it is
// refused. A full node runs without watching the lane for censorship, and
// says so; it still verifies every block.
func (ix txIndexing) checkLane(laneEnabled, sequencer bool) error {
	if ix.on || !laneEnabled {
		return nil
	}
	if sequencer {
		return fmt.Errorf(`config.toml [tx_index] indexer = "null", but this chain has a forced-inclusion lane and a sequencer finds forced transactions in its tx index; set indexer = "kv"`)
	}
	ix.logger.Info(`not watching the forced-inclusion lane for censorship: that needs the tx index; set indexer = "kv" to watch it`, "config", `[tx_index] indexer = "null"`)
	return nil
}

// watchesLane reports whether a full node checks the lane.
func (ix txIndexing) watchesLane() bool { return ix.on }

// open puts this node's tx index (rollupnode/txindex, in dataDir/tx_index)
// in the place of rollkit's before anything reads it: the RPC, the SDK's
// servers and the lanes all read full.TxIndexer. Rollkit's writes ~30
// keys per restake, nearly half a full node's catch-up time. The returned
// close closes it; queries after that are told the node is stopping.
func (ix txIndexing) open(full *rollnode.FullNode, dataDir string) (closeIndex func(), err error) {
	if !ix.on {
		return func() {}, nil
	}
	index, err := txindex.Open(filepath.Join(dataDir, "tx_index"))
	if err != nil {
		return nil, err
	}
	full.TxIndexer = index
	return func() {
		if err := index.Close(); err != nil {
			ix.logger.Error("closing the transaction index", "err", err)
		}
	}, nil
}

// start runs before the node's Start. It stops rollkit's indexer service
// in any case: rollkit's loses blocks of a couple of thousand txs and can
// hang a stop (rollupnode/indexer.go), and it would index a node told not
// to. With indexing on it first indexes the committed blocks the index
// lacks (cut off by a crash, or executed while indexing was off), then
// starts ours. The returned stop ends indexing; call it before
// the node's Stop, which closes the store the index lives in.
func (ix txIndexing) start(ctx context.Context, full *rollnode.FullNode) (stop func(), err error) {
	if err := full.IndexerService.Stop(); err != nil {
		return nil, fmt.Errorf("stopping rollkit's indexer service: %w", err)
	}
	if !ix.on {
		ix.logger.Info(`transaction indexing is off: tx, tx_search and block_search answer that it is disabled`, "config", `[tx_index] indexer = "null"`)
		return func() {}, nil
	}
	// Before Start: rollkit indexes asynchronously, so a crash can leave
	// committed blocks out of the tx index (rollupnode/index_repair.go).
	if _, err := rollupnode.RepairIndex(ctx, full.Store, full.TxIndexer, full.BlockIndexer, ix.logger); err != nil {
		return nil, fmt.Errorf("indexing the committed blocks missing from the transaction index: %w", err)
	}
	indexer, err := rollupnode.StartIndexer(full.EventBus(), full.TxIndexer, full.BlockIndexer, ix.logger.With("module", "txindex"))
	if err != nil {
		return nil, err
	}
	return indexer.Stop, nil
}

// client is what the RPC and the SDK's servers answer from.
func (ix txIndexing) client(node rollnode.Node) rpcclient.Client {
	if ix.on {
		return node.GetClient()
	}
	return cometrpc.Unindexed(node.GetClient())
}
