package e2e

import (
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSequencerSurvivesSIGKILL kills the sequencer while it produces blocks
// and starts it again: it continues from its last height, no block is lost
// or replaced, and the full node follows with the same blocks and app hash.
func TestSequencerSurvivesSIGKILL(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice")
	c.startDA()
	c.startSequencer()
	c.startFullNode()

	for round := 0; round < 2; round++ {
		waitFor(t, 60*time.Second, "a few blocks", func() bool { return c.height(c.seqRPC) >= int64(5*(round+1)) })
		before := c.height(c.seqRPC)
		hashes := c.blockHashes(c.seqRPC, before)
		c.kill(c.seq, syscall.SIGKILL)
		c.startSequencer()

		waitFor(t, 60*time.Second, "blocks after the restart", func() bool { return c.height(c.seqRPC) >= before+3 })
		require.Equal(t, hashes, c.blockHashes(c.seqRPC, before), "blocks up to %d changed across the restart", before)
	}

	matched := c.requireSameAppHash()
	require.Equal(t, c.blockHashes(c.seqRPC, matched), c.blockHashes(c.fullRPC, matched),
		"full node and sequencer disagree on a block")
}

// blockHashes returns the hashes of blocks 1..upTo; every height must exist.
func (c *cluster) blockHashes(rpc string, upTo int64) []string {
	c.t.Helper()
	out := make([]string, 0, upTo)
	for h := int64(1); h <= upTo; h++ {
		hash, err := c.blockHash(rpc, h)
		require.NoError(c.t, err, "block %d on %s", h, rpc)
		out = append(out, hash)
	}
	return out
}
