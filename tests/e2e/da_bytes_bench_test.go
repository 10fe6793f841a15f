package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// BenchmarkDABytes measures, on real processes, what the sequencer posts
// to the DA (ADR 003):
//
//   - under load: bytes posted per transaction against the transactions'
//     own bytes, over the blocks of a bank send + MsgDelegatePool load
//     (tests/bench/load) at 1 s blocks;
//   - idle: blobs and bytes per hour of an idle chain at 1 s blocks and
//     in lazy mode (--rollkit.lazy_aggregator), each measured over a
//     window and extrapolated.
//
// Every figure is read back from the DA with `milkywayd da inspect`, the
// way a full node reads it. Run it through tests/bench/da-bytes.sh, or:
//
//	go test -run '^$' -bench DABytes -benchtime 1x -timeout 30m ./tests/e2e
//
// DA_BENCH_TXS is the transactions per load phase (default 3000, half
// from each of two senders), DA_BENCH_IDLE the idle window at 1 s blocks
// (default 60s) and DA_BENCH_LAZY the lazy-mode window (default 150s;
// rollkit's lazy block time is 60 s).
func BenchmarkDABytes(b *testing.B) {
	txs := envInt("DA_BENCH_TXS", 3000)
	idle := envDuration("DA_BENCH_IDLE", 60*time.Second)
	lazy := envDuration("DA_BENCH_LAZY", 150*time.Second)
	load := filepath.Join(b.TempDir(), "load")
	out, err := exec.Command("go", "build", "-o", load, "../bench/load").CombinedOutput()
	require.NoError(b, err, "%s", out)

	for i := 0; i < b.N; i++ {
		c := newCluster(b)
		c.initChain("alice", "bob")
		c.startDA()
		c.startSequencerWithBlockTime("1s")

		// Full blocks: every tx signed up front and broadcast as fast as
		// CheckTx takes them, so each 1 s block holds hundreds.
		from := c.height(c.seqRPC)
		cmd := exec.Command(load, "-n", strconv.Itoa(txs/2), "-node", "tcp://"+c.seqRPC,
			"-home", c.home("sequencer"), "-chain-id", chainID, "-from", "alice,bob", "-to", "alice")
		out, err := cmd.CombinedOutput()
		require.NoError(b, err, "%s", out)
		b.Logf("load:\n%s", out)
		to := c.height(c.seqRPC)
		loaded := c.daUsage(from+1, to, func(blob daBlob) bool { return blob.Txs >= 100 })
		b.Logf("under load, blocks with >= 100 txs: %s", loaded)
		b.Logf("  bytes posted per tx %.1f vs raw tx bytes per tx %.1f: ratio %.3f (block bytes per tx %.1f)",
			loaded.perTx(loaded.blobBytes), loaded.perTx(loaded.txBytes), float64(loaded.blobBytes)/float64(loaded.txBytes),
			loaded.perTx(loaded.blockBytes))
		b.ReportMetric(float64(loaded.blobBytes)/float64(loaded.txBytes), "posted/tx-bytes")

		// Idle at 1 s blocks.
		h0 := c.height(c.seqRPC)
		time.Sleep(idle)
		h1 := c.height(c.seqRPC)
		busy := c.daUsage(h0+1, h1, func(daBlob) bool { return true })
		b.Logf("idle, 1 s blocks, %s window: %s -> %s", idle, busy, busy.perHour(idle))

		// Idle in lazy mode: the same chain, restarted lazy.
		c.kill(c.seq, syscall.SIGTERM)
		c.startSequencerWithBlockTime("1s", "--rollkit.lazy_aggregator")
		h0 = c.height(c.seqRPC)
		time.Sleep(lazy)
		h1 = c.height(c.seqRPC)
		quiet := c.daUsage(h0+1, h1, func(daBlob) bool { return true })
		b.Logf("idle, lazy mode, %s window: %s -> %s", lazy, quiet, quiet.perHour(lazy))
		b.ReportMetric(float64(busy.blobs)*float64(time.Hour)/float64(idle), "blobs/h(1s)")
		b.ReportMetric(float64(quiet.blobs)*float64(time.Hour)/float64(lazy), "blobs/h(lazy)")
		c.stopAll()
	}
}

// daBlob is the part of a `da inspect` line the benchmark sums.
type daBlob struct {
	SequencerSigned bool   `json:"sequencer_signed"`
	RollupHeight    int64  `json:"rollup_height"`
	Txs             int    `json:"txs"`
	BlobBytes       int    `json:"blob_bytes"`
	Encoding        string `json:"encoding"`
	BlockBytes      int    `json:"block_bytes"`
	TxBytes         int    `json:"tx_bytes"`
}

// daTotals sums blobs of sequencer blocks.
type daTotals struct {
	blobs, txs                     int
	blobBytes, blockBytes, txBytes int
}

func (t daTotals) String() string {
	return strconv.Itoa(t.blobs) + " blobs, " + strconv.Itoa(t.txs) + " txs, " + strconv.Itoa(t.blobBytes) +
		" bytes posted, " + strconv.Itoa(t.blockBytes) + " block bytes, " + strconv.Itoa(t.txBytes) + " tx bytes"
}

func (t daTotals) perTx(n int) float64 { return float64(n) / float64(max(t.txs, 1)) }

func (t daTotals) perHour(window time.Duration) string {
	scale := float64(time.Hour) / float64(window)
	return strconv.FormatFloat(float64(t.blobs)*scale, 'f', 0, 64) + " blobs/h, " +
		strconv.FormatFloat(float64(t.blobBytes)*scale/1024, 'f', 1, 64) + " KiB/h posted (" +
		strconv.FormatFloat(float64(t.blockBytes)*scale/1024, 'f', 1, 64) + " KiB/h uncompressed)"
}

// daUsage reads the whole DA with `da inspect` once every block up to
// rollup height to is on it, and sums the sequencer's blobs for rollup
// heights from..to that keep says to count.
func (c *cluster) daUsage(from, to int64, keep func(daBlob) bool) daTotals {
	c.t.Helper()
	waitFor(c.t, 2*time.Minute, "the blocks to reach the DA", func() bool { return c.daIncluded(c.seqRPC) >= to })
	out := c.cli("da", "inspect", "--home", c.home("sequencer"), "--da-url", "http://"+c.daAddr, "--from", "1", "--to", "1000000")
	var t daTotals
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var blob daBlob
		require.NoError(c.t, json.Unmarshal([]byte(line), &blob), line)
		if !blob.SequencerSigned || blob.RollupHeight < from || blob.RollupHeight > to || !keep(blob) {
			continue
		}
		t.blobs++
		t.txs += blob.Txs
		t.blobBytes += blob.BlobBytes
		t.blockBytes += blob.BlockBytes
		t.txBytes += blob.TxBytes
	}
	return t
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v, err := time.ParseDuration(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
