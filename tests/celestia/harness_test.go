//go:build celestia

package celestiae2e

import (
	"bytes"
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

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

const chainID = "milkyway-celestia-1"

// rollup is a sequencer and a DA-only full node, real milkywayd processes
// on free loopback ports, both talking to the Celestia bridge.
type rollup struct {
	t    *testing.T
	root string

	daAddr      string // the bridge's RPC
	namespace   string // 58 hex chars
	startHeight uint64 // Celestia height the nodes start reading at

	seqRPC, seqP2P, fullRPC, fullP2P string
	seq, full                        *process
}

type process struct {
	cmd  *exec.Cmd
	log  string
	args []string
}

func newRollup(t *testing.T, namespace string, startHeight uint64) *rollup {
	r := &rollup{
		t: t, root: t.TempDir(), daAddr: network["CELESTIA_RPC"],
		namespace: namespace, startHeight: startHeight,
		seqRPC: freeAddr(t), seqP2P: freeAddr(t), fullRPC: freeAddr(t), fullP2P: freeAddr(t),
	}
	t.Cleanup(r.stopAll)
	return r
}

func (r *rollup) home(role string) string { return filepath.Join(r.root, role) }

// initChain creates the sequencer home with funded keys and a full node
// home sharing its genesis; gRPC and REST are off (tests use the RPC).
func (r *rollup) initChain(keys ...string) {
	seq, full := r.home("sequencer"), r.home("fullnode")
	r.cli("init", "sequencer", "--chain-id", chainID, "--home", seq)
	for _, k := range keys {
		r.cli("keys", "add", k, "--keyring-backend", "test", "--home", seq)
		r.cli("genesis", "add-genesis-account", r.address(k), "1000000000000umilk", "--keyring-backend", "test", "--home", seq)
	}
	allowLargeTxs(r.t, seq)
	r.cli("init", "fullnode", "--chain-id", chainID, "--home", full)
	genesis, err := os.ReadFile(filepath.Join(seq, "config", "genesis.json"))
	require.NoError(r.t, err)
	require.NoError(r.t, os.WriteFile(filepath.Join(full, "config", "genesis.json"), genesis, 0o600))
	for _, role := range []string{"sequencer", "fullnode"} {
		path := filepath.Join(r.home(role), "config", "app.toml")
		bz, err := os.ReadFile(path)
		require.NoError(r.t, err)
		require.NoError(r.t, os.WriteFile(path, []byte(strings.ReplaceAll(string(bz), "enable = true", "enable = false")), 0o600))
	}
}

func (r *rollup) address(key string) string {
	return strings.TrimSpace(r.cli("keys", "show", key, "-a", "--keyring-backend", "test", "--home", r.home("sequencer")))
}

// cli runs a milkywayd command to completion and returns its stdout.
func (r *rollup) cli(args ...string) string {
	r.t.Helper()
	stdout, stderr, err := run(args...)
	require.NoError(r.t, err, "milkywayd %s\nstdout: %s\nstderr: %s", strings.Join(args, " "), stdout, stderr)
	return stdout
}

func run(args ...string) (string, string, error) {
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// daFlags are the Celestia flags both nodes use, with token.
func (r *rollup) daFlags(token string) []string { return r.daFlagsAt(r.daAddr, token) }

// daFlagsAt are daFlags for the celestia-node at daAddr.
func (r *rollup) daFlagsAt(daAddr, token string) []string {
	return []string{
		"--rollkit.da_address", daAddr, "--rollkit.da_auth_token", token,
		"--rollkit.da_namespace", r.namespace, "--rollkit.da_start_height", strconv.FormatUint(r.startHeight, 10),
		"--rollkit.da_block_time", "1s", "--log_no_color",
	}
}

func (r *rollup) sequencerArgs(token string, extra ...string) []string {
	args := append([]string{"start", "--home", r.home("sequencer"), "--rollkit.aggregator", "--rollkit.block_time", "1s",
		"--rpc.laddr", "tcp://" + r.seqRPC, "--p2p.laddr", "tcp://" + r.seqP2P}, r.daFlags(token)...)
	return append(args, extra...)
}

// startSequencer starts the sequencer and waits for its RPC; it returns the
// log offset at which this run's output begins.
func (r *rollup) startSequencer(token string, extra ...string) int64 {
	r.t.Helper()
	off := logSize(filepath.Join(r.root, "sequencer.log"))
	r.seq = r.spawn("sequencer", r.sequencerArgs(token, extra...)...)
	waitFor(r.t, 60*time.Second, "sequencer RPC", func() bool { return r.height(r.seqRPC) >= 1 })
	return off
}

func (r *rollup) startFullNode(token string) {
	r.t.Helper()
	r.full = r.startReader("fullnode", token, r.fullRPC, r.fullP2P)
}

// startReader starts a DA-only full node in home role on the given ports.
func (r *rollup) startReader(role, token, rpc, p2p string) *process {
	r.t.Helper()
	return r.startReaderVia(role, r.daAddr, token, rpc, p2p)
}

// startReaderVia is startReader reading from the celestia-node at daAddr.
func (r *rollup) startReaderVia(role, daAddr, token, rpc, p2p string) *process {
	r.t.Helper()
	args := append([]string{"start", "--home", r.home(role),
		"--rpc.laddr", "tcp://" + rpc, "--p2p.laddr", "tcp://" + p2p}, r.daFlagsAt(daAddr, token)...)
	p := r.spawn(role, args...)
	r.t.Cleanup(func() { r.kill(p, syscall.SIGTERM) })
	waitFor(r.t, 60*time.Second, role+" RPC", func() bool { return dialable(rpc) })
	return p
}

// initReader creates another full node home with the chain's genesis.
func (r *rollup) initReader(role string) {
	r.cli("init", role, "--chain-id", chainID, "--home", r.home(role))
	genesis, err := os.ReadFile(filepath.Join(r.home("sequencer"), "config", "genesis.json"))
	require.NoError(r.t, err)
	require.NoError(r.t, os.WriteFile(filepath.Join(r.home(role), "config", "genesis.json"), genesis, 0o600))
	path := filepath.Join(r.home(role), "config", "app.toml")
	bz, err := os.ReadFile(path)
	require.NoError(r.t, err)
	require.NoError(r.t, os.WriteFile(path, []byte(strings.ReplaceAll(string(bz), "enable = true", "enable = false")), 0o600))
}

func (r *rollup) spawn(name string, args ...string) *process {
	r.t.Helper()
	logPath := filepath.Join(r.root, name+".log")
	f, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	require.NoError(r.t, err)
	cmd := exec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = f, f
	require.NoError(r.t, cmd.Start())
	return &process{cmd: cmd, log: logPath, args: args}
}

// kill stops p with sig and waits for it to exit.
func (r *rollup) kill(p *process, sig syscall.Signal) {
	if p == nil || p.cmd.ProcessState != nil {
		return
	}
	_ = p.cmd.Process.Signal(sig)
	done := make(chan struct{})
	go func() { _ = p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
}

func (r *rollup) stopAll() {
	for _, p := range []*process{r.full, r.seq} {
		r.kill(p, syscall.SIGTERM)
	}
	if r.t.Failed() {
		for _, name := range []string{"sequencer", "fullnode"} {
			bz, _ := os.ReadFile(filepath.Join(r.root, name+".log"))
			lines := strings.Split(string(bz), "\n")
			r.t.Logf("--- last lines of %s.log ---\n%s", name, strings.Join(lines[max(0, len(lines)-60):], "\n"))
		}
	}
}

// status is /sequencer_status.
type status struct {
	Role       string `json:"role"`
	Latest     int64  `json:"latest_height"`
	DAIncluded int64  `json:"da_included_height"`
	Pending    int64  `json:"pending_blocks"`
}

func (r *rollup) status(rpc string) status {
	var st status
	if err := getJSON("http://"+rpc+"/sequencer_status", &st); err != nil {
		return status{Latest: -1, DAIncluded: -1}
	}
	return st
}

func (r *rollup) abciInfo(rpc string) (nodetest.ABCIInfo, error) { return nodetest.QueryABCIInfo(rpc) }

func (r *rollup) height(rpc string) int64 { return nodetest.Height(rpc) }

func (r *rollup) blockHash(rpc string, height int64) (string, error) {
	return nodetest.BlockHash(rpc, height)
}

// blockHashes returns the hashes of blocks 1..upTo; every height must exist.
func (r *rollup) blockHashes(rpc string, upTo int64) []string {
	r.t.Helper()
	out := make([]string, 0, upTo)
	for h := int64(1); h <= upTo; h++ {
		hash, err := r.blockHash(rpc, h)
		require.NoError(r.t, err, "block %d on %s", h, rpc)
		out = append(out, hash)
	}
	return out
}

// requireSameAppHash waits until the full node reaches a height whose app
// hash the sequencer reported, and compares.
func (r *rollup) requireSameAppHash(limit time.Duration) int64 {
	r.t.Helper()
	seen := map[int64]string{}
	var matched int64
	waitFor(r.t, limit, "full node to reach a sequencer height with the same app hash", func() bool {
		if s, err := r.abciInfo(r.seqRPC); err == nil {
			seen[s.Height] = s.AppHash
		}
		f, err := r.abciInfo(r.fullRPC)
		if err != nil {
			return false
		}
		want, ok := seen[f.Height]
		if !ok || f.Height < 2 {
			return false
		}
		require.Equal(r.t, want, f.AppHash, "app hash at height %d", f.Height)
		matched = f.Height
		return true
	})
	return matched
}

func (r *rollup) balance(rpc, addr, denom string) string {
	out := r.cli("query", "bank", "balance", addr, denom, "--node", "tcp://"+rpc, "-o", "json")
	var res struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	require.NoError(r.t, json.Unmarshal([]byte(out), &res), out)
	return res.Balance.Amount
}

// logSize is the current length of a log file (0 if absent).
func logSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// logLines returns the lines of p's log from offset on that contain substr.
func logLines(p *process, offset int64, substr string) []string {
	bz, _ := os.ReadFile(p.log)
	if offset > int64(len(bz)) {
		offset = 0
	}
	var out []string
	for _, line := range strings.Split(string(bz[offset:]), "\n") {
		if strings.Contains(line, substr) {
			out = append(out, line)
		}
	}
	return out
}

// waitLog waits for a line containing substr in p's log after offset.
func waitLog(t *testing.T, p *process, offset int64, substr string, limit time.Duration) string {
	t.Helper()
	var line string
	waitFor(t, limit, fmt.Sprintf("%q in %s", substr, filepath.Base(p.log)), func() bool {
		if lines := logLines(p, offset, substr); len(lines) > 0 {
			line = lines[0]
			return true
		}
		return false
	})
	return line
}

// The process-test helpers shared with tests/e2e.
var (
	getJSON  = nodetest.GetJSON
	dialable = nodetest.Dialable
	freeAddr = nodetest.FreeAddr
	waitFor  = nodetest.WaitFor
)
