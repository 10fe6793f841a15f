package e2e

import (
	"os"
	"strconv"
	"testing"
	"time"
)

// BenchmarkFullNodeSyncFromDA measures, on real processes, the block time
// the sequencer achieves and how fast a fresh full node syncs N blocks from
// the mock DA alone. Run it once:
//
//	go test -run '^$' -bench FullNodeSyncFromDA -benchtime 1x ./tests/e2e
//
// SYNC_BLOCKS sets N (default 300); the sequencer uses a 100ms block time.
func BenchmarkFullNodeSyncFromDA(b *testing.B) {
	n := int64(300)
	if v, err := strconv.ParseInt(os.Getenv("SYNC_BLOCKS"), 10, 64); err == nil && v > 0 {
		n = v
	}
	for i := 0; i < b.N; i++ {
		c := newCluster(b)
		c.initChain("alice")
		c.startDA()
		c.startSequencerWithBlockTime("100ms")

		from, start := c.height(c.seqRPC), time.Now()
		waitFor(b, 10*time.Minute, "the sequencer to produce the blocks", func() bool { return c.daIncluded(c.seqRPC) >= n })
		produced := c.height(c.seqRPC) - from
		blockTime := time.Since(start) / time.Duration(max(produced, 1))

		b.ResetTimer()
		syncStart := time.Now()
		c.startFullNode()
		waitFor(b, 10*time.Minute, "the full node to sync", func() bool { return c.height(c.fullRPC) >= n })
		syncTime := time.Since(syncStart)
		b.StopTimer()

		b.ReportMetric(float64(blockTime.Milliseconds()), "ms/block(seq)")
		b.ReportMetric(syncTime.Seconds(), "s/sync")
		b.ReportMetric(float64(n)/syncTime.Seconds(), "blocks/s(sync)")
		b.Logf("sequencer block time %s over %d blocks; fresh full node synced %d blocks from DA in %s (%.1f blocks/s)",
			blockTime, produced, n, syncTime.Round(time.Millisecond), float64(n)/syncTime.Seconds())
		c.stopAll()
	}
}
