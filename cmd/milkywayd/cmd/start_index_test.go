package cmd

import (
	"path/filepath"
	"testing"

	"cosmossdk.io/log"
	rollnode "github.com/rollkit/rollkit/node"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/rollupnode/txindex"
)

// The forced-inclusion lane finds a forced tx's block through the tx
// index: a sequencer of a chain with a lane must index; a full node may
// run without, and then does not watch the lane.
func TestUnindexedNodeOnAChainWithALane(t *testing.T) {
	off := txIndexing{on: false, logger: log.NewNopLogger()}
	require.ErrorContains(t, off.checkLane(true, true), `set indexer = "kv"`)
	require.NoError(t, off.checkLane(true, false))
	require.NoError(t, off.checkLane(false, true))
	require.False(t, off.watchesLane())

	on := txIndexing{on: true, logger: log.NewNopLogger()}
	require.NoError(t, on.checkLane(true, true))
	require.NoError(t, on.checkLane(true, false))
	require.True(t, on.watchesLane())
}

// With indexing on, everything that reads full.TxIndexer (the RPC, the
// SDK's servers, the lane) reads the node's own index in data/tx_index.
func TestIndexingOnServesTheNodesOwnIndex(t *testing.T) {
	dataDir := t.TempDir()
	full := &rollnode.FullNode{}
	closeIndex, err := txIndexing{on: true, logger: log.NewNopLogger()}.open(full, dataDir)
	require.NoError(t, err)
	require.IsType(t, &txindex.Index{}, full.TxIndexer)
	require.DirExists(t, filepath.Join(dataDir, "tx_index"))

	// A second node on the same home is told which directory is taken.
	_, err = txIndexing{on: true, logger: log.NewNopLogger()}.open(&rollnode.FullNode{}, dataDir)
	require.ErrorContains(t, err, filepath.Join(dataDir, "tx_index"))
	closeIndex()
	_, err = full.TxIndexer.Get([]byte{1})
	require.ErrorIs(t, err, txindex.ErrClosed)

	off := &rollnode.FullNode{}
	closeIndex, err = txIndexing{on: false, logger: log.NewNopLogger()}.open(off, t.TempDir())
	require.NoError(t, err)
	closeIndex()
	require.Nil(t, off.TxIndexer, "an unindexed node opens no index")
}
