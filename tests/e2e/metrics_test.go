package e2e

import (
	"net/http"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/stretchr/testify/require"
)

// TestPrometheusMetrics turns metrics on for the sequencer and the DA-only
// full node (off by default, as in CometBFT) and checks that what they
// export matches the chain: blocks produced and their time, txs per block,
// DA submissions and bytes, the DA-included height, the full node's DA
// read height, head and lag, and no fraud halt.
func TestPrometheusMetrics(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice")
	c.startDA()
	seqMetrics, fullMetrics := freeAddr(t), freeAddr(t)
	c.startSequencerWithBlockTime("500ms", "--instrumentation.prometheus", "--instrumentation.prometheus_listen_addr", seqMetrics)
	c.startFullNode("--instrumentation.prometheus", "--instrumentation.prometheus_listen_addr", fullMetrics)
	c.mustTx("alice", "bank", "send", "alice", c.address("alice"), "1umilk")
	waitFor(t, 60*time.Second, "the full node to sync 5 blocks", func() bool { return c.height(c.fullRPC) >= 5 })

	var seq map[string]*dto.MetricFamily
	waitFor(t, 60*time.Second, "the sequencer's metrics to show a DA submission", func() bool {
		seq = scrape(t, seqMetrics)
		return value(seq, "cometbft_da_submitted_blobs_total") > 0 && value(seq, "cometbft_rollup_da_included_height") > 0
	})
	before := float64(c.height(c.seqRPC))
	seq = scrape(t, seqMetrics)
	after := float64(c.height(c.seqRPC))
	require.InDelta(t, (before+after)/2, value(seq, "cometbft_rollup_latest_height"), (after-before)/2+1, "rollup_latest_height vs the RPC")
	require.InDelta(t, (before+after)/2, value(seq, "cometbft_sequencer_height"), (after-before)/2+1, "rollkit's sequencer_height vs the RPC")
	require.Greater(t, value(seq, "cometbft_rollup_blocks_total"), 3.0)
	require.Greater(t, count(seq, "cometbft_rollup_block_interval_seconds"), uint64(2))
	require.Greater(t, count(seq, "cometbft_rollup_block_txs"), uint64(2))
	require.Greater(t, labelled(seq, "cometbft_da_submissions_total", "result", "ok"), 0.0)
	require.Greater(t, value(seq, "cometbft_da_submitted_bytes_total"), 0.0)
	require.Greater(t, count(seq, "cometbft_da_submission_seconds"), uint64(0))
	require.Contains(t, seq, "cometbft_rollup_pending_blocks")
	require.Contains(t, seq, "cometbft_mempool_size")
	// Header times, not wall time: blocks are never closer than the
	// configured 500ms on average (a busy machine only stretches them).
	mean := sum(seq, "cometbft_rollup_block_interval_seconds") / float64(count(seq, "cometbft_rollup_block_interval_seconds"))
	require.GreaterOrEqual(t, mean, 0.4, "mean block interval")

	var full map[string]*dto.MetricFamily
	waitFor(t, 60*time.Second, "the full node's metrics to show its DA position", func() bool {
		full = scrape(t, fullMetrics)
		return value(full, "cometbft_da_read_height") > 0 && value(full, "cometbft_da_head_height") > 0
	})
	require.GreaterOrEqual(t, value(full, "cometbft_da_head_height"), value(full, "cometbft_da_read_height")-1)
	require.Contains(t, full, "cometbft_da_sync_lag")
	require.Zero(t, value(full, "cometbft_rollup_fraud_halted"))
	require.Greater(t, value(full, "cometbft_rollup_latest_height"), 0.0)
	require.Greater(t, value(full, "cometbft_rollup_blocks_total"), 0.0)
	require.Zero(t, labelled(full, "cometbft_da_submissions_total", "result", "ok"), "a full node submits nothing")
}

func scrape(t *testing.T, addr string) map[string]*dto.MetricFamily {
	t.Helper()
	client := http.Client{Timeout: 5 * time.Second}
	resp, err := client.Get("http://" + addr + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	var parser expfmt.TextParser
	families, err := parser.TextToMetricFamilies(resp.Body)
	require.NoError(t, err)
	return families
}

// value is the first sample of a gauge or counter family (0 if absent).
func value(fams map[string]*dto.MetricFamily, name string) float64 {
	f, ok := fams[name]
	if !ok || len(f.Metric) == 0 {
		return 0
	}
	m := f.Metric[0]
	switch {
	case m.Gauge != nil:
		return m.Gauge.GetValue()
	case m.Counter != nil:
		return m.Counter.GetValue()
	}
	return 0
}

// labelled is the counter or gauge sample whose label key has value val.
func labelled(fams map[string]*dto.MetricFamily, name, key, val string) float64 {
	f, ok := fams[name]
	if !ok {
		return 0
	}
	for _, m := range f.Metric {
		for _, l := range m.Label {
			if l.GetName() == key && l.GetValue() == val {
				if m.Counter != nil {
					return m.Counter.GetValue()
				}
				return m.Gauge.GetValue()
			}
		}
	}
	return 0
}

func count(fams map[string]*dto.MetricFamily, name string) uint64 {
	if f, ok := fams[name]; ok && len(f.Metric) > 0 && f.Metric[0].Histogram != nil {
		return f.Metric[0].Histogram.GetSampleCount()
	}
	return 0
}

func sum(fams map[string]*dto.MetricFamily, name string) float64 {
	if f, ok := fams[name]; ok && len(f.Metric) > 0 && f.Metric[0].Histogram != nil {
		return f.Metric[0].Histogram.GetSampleSum()
	}
	return 0
}
