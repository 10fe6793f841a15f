package e2e

import (
	"encoding/json"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCompressionRollout follows ADR 003's rollout on real processes: the
// sequencer first posts raw blocks (--rollup.da_raw_blobs), as it must
// while full nodes from before compression follow the DA, then restarts
// without the flag and posts zstd envelopes. The DA-only full node reads
// both forms in one chain and ends with the sequencer's app hash.
func TestCompressionRollout(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice")
	c.startDA()
	c.startSequencerWithBlockTime("500ms", "--rollup.da_raw_blobs")
	c.startFullNode()
	c.mustTx("alice", "bank", "send", "alice", c.address("alice"), "1umilk")
	rawUpTo := c.height(c.seqRPC)
	waitFor(t, 60*time.Second, "the raw blocks to reach the DA", func() bool { return c.daIncluded(c.seqRPC) >= rawUpTo })

	c.kill(c.seq, syscall.SIGTERM)
	c.startSequencer()
	c.mustTx("alice", "bank", "send", "alice", c.address("alice"), "1umilk")
	top := c.height(c.seqRPC)
	waitFor(t, 60*time.Second, "the compressed blocks to reach the DA", func() bool { return c.daIncluded(c.seqRPC) >= top })

	encodings := map[string]int{}
	out := c.cli("da", "inspect", "--home", c.home("sequencer"), "--da-url", "http://"+c.daAddr, "--from", "1", "--to", "1000000")
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var blob daBlob
		require.NoError(t, json.Unmarshal([]byte(line), &blob), line)
		if !blob.SequencerSigned {
			continue
		}
		if blob.RollupHeight <= rawUpTo {
			require.Equal(t, "raw", blob.Encoding, "block %d was posted before the restart", blob.RollupHeight)
		}
		encodings[blob.Encoding]++
	}
	require.Positive(t, encodings["raw"], "raw blocks on the DA: %v", encodings)
	require.Positive(t, encodings["zstd"], "compressed blocks on the DA: %v", encodings)
	waitFor(t, 60*time.Second, "the full node to pass the restart", func() bool { return c.height(c.fullRPC) > top })
	c.requireSameAppHash()
}
