package ibc

import (
	"encoding/json"
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

// rollupChainID is the rollup's chain id; the revision number (1) is what
// the counterparty's client of it records.
const rollupChainID = "milkyway-ibc-1"

// rollup is the milkywayd side: a mock DA, a sequencer, whose RPC takes the
// relayer's queries and transactions, and a DA-only full node, which must
// see every IBC effect the sequencer reports.
type rollup struct {
	*chain
	fullRPC string
}

// startRollup initialises and starts the rollup with funded keys (each
// gets umilk for fees and umilktia) and returns once both nodes answer.
func startRollup(t *testing.T, root string, keys ...string) *rollup {
	t.Helper()
	seqHome, fullHome := filepath.Join(root, "sequencer"), filepath.Join(root, "fullnode")
	r := &rollup{chain: &chain{t: t, name: "milkyway", chainID: rollupChainID, bin: milkywayd, home: seqHome,
		rpc: nodetest.FreeAddr(t), fees: "1000umilk", prefix: "milk"}, fullRPC: nodetest.FreeAddr(t)}
	r.cli("init", "sequencer", "--chain-id", rollupChainID, "--home", seqHome)
	for _, k := range keys {
		addr, _ := r.addKey(k)
		r.cli("genesis", "add-genesis-account", addr, "1000000000000umilk,1000000000umilktia", "--home", seqHome)
	}
	// Liquid vesting: alice may mint locked representations, and insurance
	// deposits are taken on channel-0, the rollup's end of the only
	// channel the relayer opens.
	setLiquidVestingParams(t, filepath.Join(seqHome, "config", "genesis.json"), r.address(alice), "channel-0")
	r.cli("init", "fullnode", "--chain-id", rollupChainID, "--home", fullHome)
	genesis, err := os.ReadFile(filepath.Join(seqHome, "config", "genesis.json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(fullHome, "config", "genesis.json"), genesis, 0o600))
	for _, home := range []string{seqHome, fullHome} {
		disableAppServers(t, home)
	}

	daAddr := nodetest.FreeAddr(t)
	startProcess(t, root, "da", milkywayd, "da", "serve", "--home", filepath.Join(root, "da"),
		"--da.address", daAddr, "--da.block-time", "200ms")
	nodetest.WaitFor(t, 30*time.Second, "mock DA to listen", func() bool { return nodetest.Dialable(daAddr) })
	startProcess(t, root, "sequencer", milkywayd, "start", "--home", seqHome,
		"--rollkit.aggregator", "--rollkit.block_time", "500ms", "--rollkit.da_block_time", "200ms",
		"--rollkit.da_address", "http://"+daAddr, "--rpc.laddr", "tcp://"+r.rpc,
		"--p2p.laddr", "tcp://"+nodetest.FreeAddr(t), "--log_no_color")
	nodetest.WaitFor(t, 60*time.Second, "sequencer to produce block 1", func() bool { return nodetest.Height(r.rpc) >= 1 })
	startProcess(t, root, "fullnode", milkywayd, "start", "--home", fullHome,
		"--rollkit.da_block_time", "200ms", "--rollkit.da_address", "http://"+daAddr,
		"--rollup.sequencer_rpc", "tcp://"+r.rpc,
		"--rpc.laddr", "tcp://"+r.fullRPC, "--p2p.laddr", "tcp://"+nodetest.FreeAddr(t), "--log_no_color")
	nodetest.WaitFor(t, 60*time.Second, "full node to sync block 1 from the DA", func() bool { return nodetest.Height(r.fullRPC) >= 1 })
	return r
}

// setLiquidVestingParams names minter as the only minter and channel as
// the only channel taking insurance deposits in the genesis at path.
func setLiquidVestingParams(t *testing.T, path, minter, channel string) {
	t.Helper()
	bz, err := os.ReadFile(path)
	require.NoError(t, err)
	var gen map[string]any
	require.NoError(t, json.Unmarshal(bz, &gen))
	params := gen["app_state"].(map[string]any)["liquidvesting"].(map[string]any)["params"].(map[string]any)
	params["minters"] = []string{minter}
	params["allowed_channels"] = []string{channel}
	bz, err = json.MarshalIndent(gen, "", " ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(path, bz, 0o600))
}

// disableAppServers turns off gRPC and REST in app.toml: the relayer and
// the CLIs use the RPC only, and the fixed default ports would collide with
// a devnet or another test.
func disableAppServers(t *testing.T, home string) {
	t.Helper()
	path := filepath.Join(home, "config", "app.toml")
	bz, err := os.ReadFile(path)
	require.NoError(t, err)
	s := strings.ReplaceAll(string(bz), "enable = true", "enable = false")
	require.NoError(t, os.WriteFile(path, []byte(s), 0o600))
}

// startProcess starts a long-running process logging to <root>/<name>.log
// and stops it (SIGTERM, by its PID) when the test ends; the test then
// fails if the log holds a Go panic, and shows the log's tail if it failed.
func startProcess(t *testing.T, root, name, binary string, args ...string) *exec.Cmd {
	t.Helper()
	logPath := filepath.Join(root, name+".log")
	cmd, err := nodetest.Start(binary, logPath, args...)
	require.NoError(t, err)
	t.Cleanup(func() {
		nodetest.Stop(cmd, syscall.SIGTERM, 20*time.Second)
		if excerpt, err := nodetest.LogPanic(logPath); err == nil && excerpt != "" {
			t.Errorf("%s.log holds a panic:\n%s", name, excerpt)
		}
		if t.Failed() {
			t.Logf("--- last lines of %s.log ---\n%s", name, nodetest.LogTail(logPath, 40))
		}
	})
	return cmd
}
