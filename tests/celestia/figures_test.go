//go:build celestia

package celestiae2e

// The figures TestRollupOnCelestia measures and prints at the end.

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// metrics are the figures the test prints.
type metrics struct {
	badInput      []string
	syncBlocks    int64
	syncDAHeights uint64
	syncTime      time.Duration
	feeUtia       int64
	feeBlocks     int64
	feePFBs       int

	sync2Blocks    int64
	sync2DAHeights uint64
	sync2Time      time.Duration
	sync2Txs       int
	loadTxs        int

	oversize, undersize, backlog string

	lightBlocks    int64
	lightDAHeights uint64
	lightTime      time.Duration
}

// syncTarget is the rollup height the chain grows to under load before the
// second fresh full node syncs it.
const syncTarget = 400

var (
	tookRe  = regexp.MustCompile(`took=(\S+)`)
	blobsRe = regexp.MustCompile(`blobs=(\d+)`)
	bytesRe = regexp.MustCompile(`bytes=(\d+)`)
)

func (m *metrics) report(t *testing.T, r *rollup) {
	var took []time.Duration
	blobs := 0
	for _, line := range logLines(r.seq, 0, "DA submission included") {
		if mt := tookRe.FindStringSubmatch(line); mt != nil {
			if d, err := time.ParseDuration(mt[1]); err == nil {
				took = append(took, d)
			}
		}
		if mt := blobsRe.FindStringSubmatch(line); mt != nil {
			n, _ := strconv.Atoi(mt[1])
			blobs += n
		}
	}
	require.NotEmpty(t, took)
	slices.Sort(took)
	var b strings.Builder
	fmt.Fprintf(&b, "\n=== Celestia figures (celestia-node v0.32.1 bridge, celestia-app 9.0.8, one local validator, 1s rollup blocks, 250ms in the load phase) ===\n")
	fmt.Fprintf(&b, "blob submit latency (blob.Submit until included, %d submissions): p50 %s, max %s\n", len(took), took[len(took)/2], took[len(took)-1])
	fmt.Fprintf(&b, "rollup blocks per PFB over the whole run (incl. backlogs after outages): %.2f (%d blobs in %d submissions)\n", float64(blobs)/float64(len(took)), blobs, len(took))
	if m.feeBlocks > 0 && m.feePFBs > 0 {
		fmt.Fprintf(&b, "steady posting (fee window): %.2f rollup blocks per PFB (%d blocks in %d PFBs)\n",
			float64(m.feeBlocks)/float64(m.feePFBs), m.feeBlocks, m.feePFBs)
		fmt.Fprintf(&b, "utia paid per rollup block: %.1f (%d utia for %d blocks, %.0f utia per PFB; gas price chosen by the node)\n",
			float64(m.feeUtia)/float64(m.feeBlocks), m.feeUtia, m.feeBlocks, float64(m.feeUtia)/float64(m.feePFBs))
	}
	fmt.Fprintf(&b, "full-node sync from Celestia: %d blocks (%d Celestia heights) in %s = %.2f blocks/s (fresh node, started after they existed)\n",
		m.syncBlocks, m.syncDAHeights, m.syncTime.Round(time.Millisecond), float64(m.syncBlocks)/m.syncTime.Seconds())
	fmt.Fprintf(&b, "second fresh full node at the end: %d blocks with %d txs (%d Celestia heights) in %s = %.2f blocks/s, %.1f txs/s, %.1f Celestia heights/s\n",
		m.sync2Blocks, m.sync2Txs, m.sync2DAHeights, m.sync2Time.Round(time.Millisecond), float64(m.sync2Blocks)/m.sync2Time.Seconds(),
		float64(m.sync2Txs)/m.sync2Time.Seconds(), float64(m.sync2DAHeights)/m.sync2Time.Seconds())
	if m.lightBlocks > 0 {
		fmt.Fprintf(&b, "fresh full node reading through a celestia-node v0.32.1 light node: %d blocks (%d Celestia heights) in %s = %.2f blocks/s, %.1f Celestia heights/s\n",
			m.lightBlocks, m.lightDAHeights, m.lightTime.Round(time.Millisecond), float64(m.lightBlocks)/m.lightTime.Seconds(),
			float64(m.lightDAHeights)/m.lightTime.Seconds())
	} else {
		fmt.Fprintf(&b, "light node: not started (network.sh up-light), reader skipped\n")
	}
	fmt.Fprintf(&b, "load before it: %d small transfers accepted by the sequencer's mempool (250 ms blocks)\n", m.loadTxs)
	fmt.Fprintf(&b, "oversize blob (raw blob.Submit past the client's cap): %s\n", m.oversize)
	fmt.Fprintf(&b, "largest blob the node accepts: %s\n", m.undersize)
	fmt.Fprintf(&b, "backlog over the node's limit: %s\n", m.backlog)
	fmt.Fprintf(&b, "bad input, the line each gave:\n")
	for _, l := range m.badInput {
		fmt.Fprintf(&b, "  - %s\n", l)
	}
	t.Log(b.String())
	if path := os.Getenv("CELESTIA_REPORT"); path != "" {
		_ = os.WriteFile(path, []byte(b.String()), 0o644)
	}
}
