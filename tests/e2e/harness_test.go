package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

const chainID = "milkyway-devnet-1"

// binary is the milkywayd built once by TestMain.
var binary string

// cluster is a mock DA, a sequencer and a DA-only full node, each a real
// process on free loopback ports, with homes under one temp dir.
type cluster struct {
	t    testing.TB
	root string

	daAddr  string
	seqRPC  string
	fullRPC string
	seqP2P  string
	fullP2P string

	da, seq, full *process
	// seqBinary, when set, runs the sequencer (a test build that
	// misbehaves on purpose); everything else runs binary.
	seqBinary string
}

// process is one milkywayd process and its log file.
type process struct {
	name string
	cmd  *exec.Cmd
	log  string
	args []string
}

func newCluster(t testing.TB) *cluster {
	t.Helper()
	c := &cluster{t: t, root: t.TempDir()}
	c.daAddr = freeAddr(t)
	c.seqRPC, c.fullRPC = freeAddr(t), freeAddr(t)
	c.seqP2P, c.fullP2P = freeAddr(t), freeAddr(t)
	t.Cleanup(c.stopAll)
	return c
}

// home returns the home directory of a role.
func (c *cluster) home(role string) string { return filepath.Join(c.root, role) }

// initChain creates the sequencer home with funded keys and a full node
// home that shares its genesis.
func (c *cluster) initChain(keys ...string) {
	seq, full := c.home("sequencer"), c.home("fullnode")
	c.cli("init", "sequencer", "--chain-id", chainID, "--home", seq)
	for _, k := range keys {
		c.cli("keys", "add", k, "--keyring-backend", "test", "--home", seq)
		c.cli("genesis", "add-genesis-account", c.address(k), "1000000000000umilk,1000000000umilktia",
			"--keyring-backend", "test", "--home", seq)
	}
	c.cli("init", "fullnode", "--chain-id", chainID, "--home", full)
	genesis, err := os.ReadFile(filepath.Join(seq, "config", "genesis.json"))
	require.NoError(c.t, err)
	require.NoError(c.t, os.WriteFile(filepath.Join(full, "config", "genesis.json"), genesis, 0o600))
	for _, role := range []string{"sequencer", "fullnode"} {
		c.disableServers(role)
	}
}

// disableServers turns off gRPC and REST in app.toml: the tests use the
// RPC only, and fixed default ports would collide with a running devnet.
func (c *cluster) disableServers(role string) {
	path := filepath.Join(c.home(role), "config", "app.toml")
	bz, err := os.ReadFile(path)
	require.NoError(c.t, err)
	s := strings.ReplaceAll(string(bz), "enable = true", "enable = false")
	require.NoError(c.t, os.WriteFile(path, []byte(s), 0o600))
}

func (c *cluster) address(key string) string {
	return strings.TrimSpace(c.cli("keys", "show", key, "-a", "--keyring-backend", "test", "--home", c.home("sequencer")))
}

// cli runs a milkywayd command to completion and returns its stdout.
func (c *cluster) cli(args ...string) string {
	c.t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	require.NoError(c.t, err, "milkywayd %s\nstdout: %s\nstderr: %s", strings.Join(args, " "), stdout.String(), stderr.String())
	return stdout.String()
}

func (c *cluster) startDA() {
	c.da = c.spawn("da", "da", "serve", "--home", c.home("da"), "--da.address", c.daAddr, "--da.block-time", "200ms")
	waitFor(c.t, 30*time.Second, "mock DA to listen", func() bool { return dialable(c.daAddr) })
}

func (c *cluster) startSequencer() { c.startSequencerWithBlockTime("500ms") }

func (c *cluster) startSequencerWithBlockTime(blockTime string, extra ...string) {
	args := []string{"start", "--home", c.home("sequencer"),
		"--rollkit.aggregator", "--rollkit.block_time", blockTime, "--rollkit.da_block_time", "200ms",
		"--rollkit.da_address", "http://" + c.daAddr,
		"--rpc.laddr", "tcp://" + c.seqRPC, "--p2p.laddr", "tcp://" + c.seqP2P, "--log_no_color"}
	c.seq = c.spawn("sequencer", append(args, extra...)...)
	waitFor(c.t, 60*time.Second, "sequencer to produce block 1", func() bool { return c.height(c.seqRPC) >= 1 })
}

func (c *cluster) startFullNode(extra ...string) {
	args := []string{"start", "--home", c.home("fullnode"),
		"--rollkit.da_block_time", "200ms", "--rollkit.da_address", "http://" + c.daAddr,
		"--rpc.laddr", "tcp://" + c.fullRPC, "--p2p.laddr", "tcp://" + c.fullP2P, "--log_no_color"}
	c.full = c.spawn("fullnode", append(args, extra...)...)
	waitFor(c.t, 60*time.Second, "full node RPC", func() bool { return dialable(c.fullRPC) })
}

// spawn starts a long-running milkywayd process logging to <root>/<name>.log.
func (c *cluster) spawn(name string, args ...string) *process {
	c.t.Helper()
	logPath := filepath.Join(c.root, name+".log")
	bin := binary
	if name == "sequencer" && c.seqBinary != "" {
		bin = c.seqBinary
	}
	cmd, err := nodetest.Start(bin, logPath, args...)
	require.NoError(c.t, err)
	return &process{name: name, cmd: cmd, log: logPath, args: args}
}

// respawn starts p again with its own command line, appending to its log.
func (c *cluster) respawn(p *process) *process {
	c.t.Helper()
	return c.spawn(p.name, p.args...)
}

// kill stops p with sig and waits for it to exit (SIGKILL after 20s).
func (c *cluster) kill(p *process, sig syscall.Signal) {
	if p == nil {
		return
	}
	// A node that ignores SIGTERM would hang its operator's restarts too.
	if nodetest.Stop(p.cmd, sig, 20*time.Second) && sig == syscall.SIGTERM {
		c.t.Errorf("%s did not exit within 20s of SIGTERM and was killed; last lines of its log:\n%s",
			p.name, nodetest.LogTail(p.log, 20))
	}
}

func (c *cluster) stopAll() {
	for _, p := range []*process{c.full, c.seq, c.da} {
		c.kill(p, syscall.SIGTERM)
	}
	c.requireNoPanic()
	if c.t.Failed() {
		for _, name := range []string{"da", "sequencer", "fullnode"} {
			c.t.Logf("--- last lines of %s.log ---\n%s", name, nodetest.LogTail(filepath.Join(c.root, name+".log"), 40))
		}
	}
}

// requireNoPanic fails the test when any process log of the cluster holds
// a Go panic: whatever went wrong, a user must see an error line, never a
// trace.
func (c *cluster) requireNoPanic() {
	c.t.Helper()
	logs, _ := filepath.Glob(filepath.Join(c.root, "*.log"))
	for _, path := range logs {
		excerpt, err := nodetest.LogPanic(path)
		require.NoError(c.t, err)
		if excerpt != "" {
			c.t.Errorf("%s holds a panic:\n%s", filepath.Base(path), excerpt)
		}
	}
}

func (c *cluster) abciInfo(rpc string) (nodetest.ABCIInfo, error) { return nodetest.QueryABCIInfo(rpc) }

func (c *cluster) height(rpc string) int64 { return nodetest.Height(rpc) }

// status reads /sequencer_status.
func (c *cluster) status(rpc string) map[string]any {
	var out map[string]any
	require.NoError(c.t, getJSON("http://"+rpc+"/sequencer_status", &out))
	return out
}

// blockHash returns the hash of the block at height from a node's RPC.
func (c *cluster) blockHash(rpc string, height int64) (string, error) {
	return nodetest.BlockHash(rpc, height)
}

// requireSameAppHash records the sequencer's app hash at a few heights and
// waits until the full node reaches one of them, then compares.
func (c *cluster) requireSameAppHash() int64 {
	c.t.Helper()
	seen := map[int64]string{}
	var matched int64
	waitFor(c.t, 90*time.Second, "full node to reach a sequencer height with the same app hash", func() bool {
		if s, err := c.abciInfo(c.seqRPC); err == nil {
			seen[s.Height] = s.AppHash
		}
		f, err := c.abciInfo(c.fullRPC)
		if err != nil {
			return false
		}
		want, ok := seen[f.Height]
		if !ok || f.Height < 2 {
			return false
		}
		require.Equal(c.t, want, f.AppHash, "app hash at height %d", f.Height)
		matched = f.Height
		return true
	})
	return matched
}

// The process-test helpers shared with tests/celestia.
var (
	getJSON  = nodetest.GetJSON
	dialable = nodetest.Dialable
	freeAddr = nodetest.FreeAddr
	waitFor  = nodetest.WaitFor
)

// svcID and opID are the ids the tests' first service and operator get:
// id 1 of each is the genesis "sequencing" service and the sequencer's
// operator (app.SetSequencingGenesis).
const svcID, opID = "2", "2"
