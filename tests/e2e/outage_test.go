package e2e

import (
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestDAOutageLosesNoBlocks stops the mock DA while the sequencer runs: the
// sequencer keeps its blocks pending and posts them once the DA is back,
// and the full node then syncs all of them.
func TestDAOutageLosesNoBlocks(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice")
	c.startDA()
	c.startSequencer()
	c.startFullNode()
	waitFor(t, 60*time.Second, "some blocks on DA", func() bool { return c.daIncluded(c.seqRPC) >= 3 })

	c.kill(c.da, syscall.SIGTERM)
	outageStart := c.height(c.seqRPC)
	waitFor(t, 60*time.Second, "blocks produced during the outage", func() bool {
		return c.height(c.seqRPC) >= outageStart+4
	})
	st := c.status(c.seqRPC)
	require.Greater(t, st["pending_blocks"].(float64), float64(0), "blocks made during the outage must be pending: %v", st)

	c.startDA()
	produced := c.height(c.seqRPC)
	waitFor(t, 120*time.Second, "pending blocks to reach the DA", func() bool { return c.daIncluded(c.seqRPC) >= produced })
	waitFor(t, 120*time.Second, "the full node to sync past the outage", func() bool { return c.height(c.fullRPC) >= produced })
	require.Equal(t, c.blockHashes(c.seqRPC, produced), c.blockHashes(c.fullRPC, produced))
}

func (c *cluster) daIncluded(rpc string) int64 {
	var out struct {
		DAIncluded int64 `json:"da_included_height"`
	}
	if err := getJSON("http://"+rpc+"/sequencer_status", &out); err != nil {
		return -1
	}
	return out.DAIncluded
}
