package cmd

import (
	"testing"

	"cosmossdk.io/log"
	"github.com/stretchr/testify/require"
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
