package e2e

import (
	"encoding/json"
	"fmt"
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

// BenchmarkSustained is issue 15's one-run figure (make bench-sustained):
// on real processes on this machine, with the load generator beside them,
//
//  1. a mock DA, a sequencer and a DA-only full node take SUSTAINED_FOR
//     (60s) of MsgDelegatePool, then as long of bank sends, from derived
//     senders broadcasting JSON-RPC batches (tests/bench/load) as fast as
//     CheckTx takes them (capacity), then as long of MsgDelegatePool
//     offered at SUSTAINED_RATE (1050) tx/s (latency under that load):
//     tx/s, inclusion latency p50/p99, and how far the full node is behind
//     when the last block of each phase is seen;
//  2. DA bytes posted per transaction over the loaded blocks (da inspect);
//  3. catch-up: a fresh full node replays the whole chain from the DA, in
//     transactions per second, against the rate the sequencer produced it
//     (the sequencer and the loaded full node are stopped first: a node
//     catching up runs on its own machine); once as a default full node,
//     which indexes every transaction, and once as a full node that keeps
//     no index (config.toml [tx_index] indexer = "null");
//  4. the peer: the same generator, senders and block time against ibc-go
//     v8.8.0's testing simd on CometBFT (one validator), bank sends.
//
// It prints one table. SIMD names the simd binary (scripts/ibc/build.sh
// builds it; without it the peer row is skipped and says why).
//
//	go test -run '^$' -bench Sustained -benchtime 1x -timeout 40m ./tests/e2e
func BenchmarkSustained(b *testing.B) {
	cfg := sustainedConfig{
		duration:  envDuration("SUSTAINED_FOR", 60*time.Second),
		blockTime: envString("SUSTAINED_BLOCK_TIME", "1s"),
		senders:   envInt("SUSTAINED_SENDERS", 40),
		batch:     envInt("SUSTAINED_BATCH", 10),
		maxRate:   envInt("SUSTAINED_MAX_RATE", 2000),
		rate:      envInt("SUSTAINED_RATE", 1050),
		// Each paced sender waits for its batch's CheckTx before its next
		// slot, and loses a slot its answer comes after. With 40 senders
		// a slot is 0.38 s apart, less than a CheckTx that waits behind a
		// block's execution, so the generator offered far less than 1,050
		// tx/s. 120 senders give each 1.14 s, more than a block time.
		pacedSenders: envInt("SUSTAINED_PACED_SENDERS", 120),
	}
	load := filepath.Join(b.TempDir(), "load")
	out, err := exec.Command("go", "build", "-o", load, "../bench/load").CombinedOutput()
	require.NoError(b, err, "%s", out)

	for i := 0; i < b.N; i++ {
		var t sustainedTable
		t.cfg = cfg
		c := newCluster(b)
		c.initChain("alice", "bob")
		c.setConfig("sequencer", "max_request_batch_size", "64")
		// The RPC server cuts a response after timeout_broadcast_tx_commit
		// + 1 s (CometBFT's rule, start_servers.go): at 10 s, one batch
		// whose CheckTxs wait behind a stalled block ended run K with EOF.
		// The loader waits a minute (-request-timeout); so does the server,
		// and a slow answer shows as latency in the table.
		c.setConfig("sequencer", "timeout_broadcast_tx_commit", `"60s"`)
		c.startDA()
		c.startSequencerWithBlockTime(cfg.blockTime)
		c.startFullNode()

		phases := cfg.run(b, load, "tcp://"+c.seqRPC, c.home("sequencer"), chainID,
			"-from", "alice", "-to", "bob", "-kinds", "delegate,bank", "-follower", "tcp://"+c.fullRPC)
		t.delegate, t.bank = phases[0], phases[1]
		// Latency at a load the chain carries, not at its limit: at
		// capacity the wait is as long as the senders' queue.
		pacedCfg := cfg
		pacedCfg.senders = cfg.pacedSenders
		paced := pacedCfg.run(b, load, "tcp://"+c.seqRPC, c.home("sequencer"), chainID, "-from", "alice", "-to", "bob",
			"-kinds", "delegate", "-follower", "tcp://"+c.fullRPC, "-rate", strconv.Itoa(cfg.rate))
		t.paced = paced[0]
		loaded := c.daUsage(t.delegate.FirstHeight, t.paced.LastHeight, func(daBlob) bool { return true })
		t.daPerTx, t.rawPerTx = loaded.perTx(loaded.blobBytes), loaded.perTx(loaded.txBytes)

		// The fresh node replays with the machine to itself, as it would
		// on its own; only the DA it reads stays up.
		// Over the phases at capacity: the paced one is slowed by the
		// generator, which would flatter the ratio.
		want, err := c.blockHash(c.seqRPC, t.bank.LastHeight)
		require.NoError(b, err)
		c.kill(c.full, syscall.SIGTERM)
		c.kill(c.seq, syscall.SIGTERM)
		txs, produced := t.delegate.Txs+t.bank.Txs, t.delegate.Seconds+t.bank.Seconds
		if keep := os.Getenv("SUSTAINED_KEEP"); keep != "" {
			c.keepChain(b, keep, t.bank.LastHeight, want, txs, produced)
		}
		t.catchUp = c.catchUp(b, "catchup", `"kv"`, t.bank.LastHeight, want, txs, produced)
		t.catchUpUnindexed = c.catchUp(b, "catchup-unindexed", `"null"`, t.bank.LastHeight, want, txs, produced)
		c.stopAll() // the peer gets the machine to itself, as the rollup had

		if simd := os.Getenv("SIMD"); simd != "" {
			peer := startPeerSimd(b, simd, cfg.blockTime)
			bank := cfg.run(b, load, "tcp://"+peer.rpc, peer.home, peer.chainID, "-from", "alice", "-to", "bob",
				"-kinds", "bank", "-bech32-prefix", "cosmos", "-fees", "2500stake", "-send-amount", "1stake")
			t.peer = &bank[0]
			peer.stop()
		}
		t.print(os.Stdout)
		b.ReportMetric(t.delegate.TPS, "delegate-tx/s")
		b.ReportMetric(t.bank.TPS, "bank-tx/s")
	}
}

type sustainedConfig struct {
	duration       time.Duration
	blockTime      string
	senders, batch int
	maxRate        int // signed up front per phase: maxRate x duration
	rate           int // offered tx/s of the paced delegate phase
	pacedSenders   int // senders of the paced phase
}

// loadPhase is what tests/bench/load -json prints per phase.
type loadPhase struct {
	Kind         string  `json:"kind"`
	Txs          int     `json:"txs"`
	Seconds      float64 `json:"seconds"`
	TPS          float64 `json:"tps"`
	Blocks       int     `json:"blocks"`
	P50LatencyMs int64   `json:"p50_latency_ms"`
	P99LatencyMs int64   `json:"p99_latency_ms"`
	FirstHeight  int64   `json:"first_height"`
	LastHeight   int64   `json:"last_height"`
	FollowerLag  float64 `json:"follower_lag_s"`
	// SlowestAnswer is the longest a broadcast waited for CheckTx.
	SlowestAnswer int64 `json:"slowest_answer_ms"`
}

// run runs the load generator in sustained mode and returns its phases.
func (cfg sustainedConfig) run(b *testing.B, load, node, home, chain string, args ...string) []loadPhase {
	b.Helper()
	n := cfg.maxRate * int(cfg.duration.Seconds())
	cmd := exec.Command(load, append([]string{"-node", node, "-home", home, "-chain-id", chain, "-json",
		"-n", strconv.Itoa(n), "-duration", cfg.duration.String(), "-senders", strconv.Itoa(cfg.senders),
		"-batch", strconv.Itoa(cfg.batch)}, args...)...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	require.NoError(b, err, "load: %s", stderr.String())
	b.Logf("load against %s:\n%s", chain, stderr.String())
	var phases []loadPhase
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var p loadPhase
		require.NoError(b, json.Unmarshal([]byte(line), &p), line)
		phases = append(phases, p)
	}
	return phases
}

// keepChain copies the stopped cluster to dir with what a replay checks
// (kept.env), for tests/bench/replay.sh: a profile or an A/B of the replay
// without a 10-minute run each time.
func (c *cluster) keepChain(b *testing.B, dir string, height int64, want string, txs int, producedSeconds float64) {
	b.Helper()
	out, err := exec.Command("cp", "-a", c.root, dir).CombinedOutput()
	require.NoError(b, err, "keeping the chain: %s", out)
	env := fmt.Sprintf("HEIGHT=%d\nBLOCK_HASH=%s\nTXS=%d\nPRODUCED_SECONDS=%.3f\nCHAIN_ID=%s\n", height, want, txs, producedSeconds, chainID)
	require.NoError(b, os.WriteFile(filepath.Join(dir, "kept.env"), []byte(env), 0o600))
	fmt.Fprintf(os.Stderr, "kept the chain in %s: replay it with tests/bench/replay.sh %s\n", dir, dir)
}

// catchUpResult compares how fast the chain was made and replayed.
type catchUpResult struct {
	height                int64
	txs                   int
	produced, replayed    float64 // tx/s
	replaySeconds, blocks float64
}

// catchUp starts a fresh DA-only full node, name, with config.toml's
// [tx_index] indexer, and times its replay of every block up to height:
// the loaded txs over the replay time against the same txs over the time
// the sequencer took to include them.
func (c *cluster) catchUp(b *testing.B, name, indexer string, height int64, want string, txs int, producedSeconds float64) catchUpResult {
	b.Helper()
	home := c.home(name)
	c.cli("init", name, "--chain-id", chainID, "--home", home)
	genesis, err := os.ReadFile(filepath.Join(c.home("sequencer"), "config", "genesis.json"))
	require.NoError(b, err)
	require.NoError(b, os.WriteFile(filepath.Join(home, "config", "genesis.json"), genesis, 0o600))
	c.disableServers(name)
	c.setConfig(name, "indexer", indexer)
	rpc, pprof := freeAddr(b), freeAddr(b)
	fmt.Fprintf(os.Stderr, "catch-up node %s: RPC %s, profiler http://%s/debug/pprof/\n", name, rpc, pprof)
	start := time.Now()
	node := c.spawn(name, "start", "--home", home, "--rollkit.da_block_time", "200ms",
		"--rollkit.da_address", "http://"+c.daAddr, "--rpc.laddr", "tcp://"+rpc,
		"--p2p.laddr", "tcp://"+freeAddr(b), "--rpc.pprof_laddr", pprof, "--log_no_color")
	defer c.kill(node, 15)
	// The block is stored just after the height shows in /abci_info.
	var hash string
	waitFor(b, 20*time.Minute, "the fresh full node to replay the chain", func() bool {
		var err error
		hash, err = c.blockHash(rpc, height)
		return err == nil
	})
	replay := time.Since(start).Seconds()
	require.Equal(b, want, hash, "the replayed block %d is the sequencer's", height)
	return catchUpResult{height: height, txs: txs, produced: float64(txs) / producedSeconds,
		replayed: float64(txs) / replay, replaySeconds: replay}
}

// setConfig sets key = value in a role's config.toml.
func (c *cluster) setConfig(role, key, value string) {
	path := filepath.Join(c.home(role), "config", "config.toml")
	bz, err := os.ReadFile(path)
	require.NoError(c.t, err)
	var lines []string
	found := false
	for _, line := range strings.Split(string(bz), "\n") {
		if strings.HasPrefix(line, key+" = ") {
			line, found = key+" = "+value, true
		}
		lines = append(lines, line)
	}
	require.True(c.t, found, "%s has no %s", path, key)
	require.NoError(c.t, os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600))
}

func envString(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// sustainedTable is the run's one table.
type sustainedTable struct {
	cfg               sustainedConfig
	delegate, bank    loadPhase // as fast as CheckTx takes them: capacity
	paced             loadPhase // delegate at cfg.rate: latency under load
	peer              *loadPhase
	daPerTx, rawPerTx float64
	catchUp           catchUpResult // a default full node: indexes every tx
	catchUpUnindexed  catchUpResult // [tx_index] indexer = "null"
}

func (t sustainedTable) print(w *os.File) {
	fmt.Fprintf(w, "\nsustained load: %s per phase, block time %s, %d senders x batches of %d, generator on the same machine\n\n",
		t.cfg.duration, t.cfg.blockTime, t.cfg.senders, t.cfg.batch)
	fmt.Fprintf(w, "| | tx/s | txs | p50 latency | p99 latency | slowest CheckTx answer | full node behind at the end | DA bytes/tx |\n|---|---|---|---|---|---|---|---|\n")
	for _, p := range []struct {
		name string
		loadPhase
	}{{"rollup delegate", t.delegate}, {"rollup bank", t.bank}, {fmt.Sprintf("rollup delegate, offered %d tx/s by %d senders", t.cfg.rate, t.cfg.pacedSenders), t.paced}} {
		fmt.Fprintf(w, "| %s | %.0f | %d | %d ms | %d ms | %d ms | %.2f s | %.0f (raw %.0f, %.2fx, all phases) |\n",
			p.name, p.TPS, p.Txs, p.P50LatencyMs, p.P99LatencyMs, p.SlowestAnswer, p.FollowerLag, t.daPerTx, t.rawPerTx, t.daPerTx/t.rawPerTx)
	}
	if t.peer != nil {
		fmt.Fprintf(w, "| simd (ibc-go v8.8.0, CometBFT) bank | %.0f | %d | %d ms | %d ms | %d ms | | |\n",
			t.peer.TPS, t.peer.Txs, t.peer.P50LatencyMs, t.peer.P99LatencyMs, t.peer.SlowestAnswer)
		fmt.Fprintf(w, "\nrollup / simd, bank sends: %.2f\n", t.bank.TPS/t.peer.TPS)
	} else {
		fmt.Fprintf(w, "\nsimd peer: skipped (set SIMD to the binary scripts/ibc/build.sh prints)\n")
	}
	for _, cu := range []struct {
		catchUpResult
		node string
	}{{t.catchUp, "a fresh full node"}, {t.catchUpUnindexed, `a fresh full node without a tx index (indexer = "null")`}} {
		fmt.Fprintf(w, "catch-up: %s replayed %d blocks (%d loaded txs) from the DA in %.1f s: %.0f tx/s replayed vs %.0f tx/s produced = %.1fx\n",
			cu.node, cu.height, cu.txs, cu.replaySeconds, cu.replayed, cu.produced, cu.replayed/cu.produced)
	}
}
