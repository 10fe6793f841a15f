package e2e

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestStartRejectsBadInput: each mistake ends with one clear error line
// naming the problem and the fix, never a panic trace.
func TestStartRejectsBadInput(t *testing.T) {
	c := newCluster(t)
	c.initChain()
	seq := c.home("sequencer")
	unreachableDA := "http://" + freeAddr(t)
	corruptKey := c.homeWithKeyFile("corrupt-key", "{not json")
	emptyKey := c.homeWithKeyFile("empty-key", "{}")
	psqlIndex := c.homeLike("psql-index", "fullnode", "indexer", `"psql"`)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()

	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"start", "--home", seq, "--rollkit.agregator"}, "unknown flag: --rollkit.agregator"},
		{"missing genesis", []string{"start", "--home", filepath.Join(c.root, "nowhere")}, "milkywayd init"},
		{"unreachable DA", []string{"start", "--home", seq, "--rollkit.aggregator", "--rollkit.da_address", unreachableDA}, "milkywayd da serve"},
		{"invalid namespace", []string{"start", "--home", seq, "--rollkit.da_namespace", "xyz"}, "namespace must be 58 hex characters"},
		{"reserved namespace", []string{"start", "--home", seq, "--rollkit.da_namespace", "00"}, "reserved"},
		{"full node key as sequencer", []string{"start", "--home", c.home("fullnode"), "--rollkit.aggregator", "--rollkit.da_address", unreachableDA}, "genesis sequencer key"},
		{"corrupt consensus key", []string{"start", "--home", corruptKey, "--rollkit.da_address", unreachableDA}, "not a valid key file"},
		{"consensus key without a key", []string{"start", "--home", emptyKey, "--rollkit.da_address", unreachableDA}, "no priv_key"},
		{"malformed DA address", []string{"start", "--home", seq, "--rollkit.da_address", "127.0.0.1:7980"}, "http://host:port"},
		{"malformed metrics address", []string{"start", "--home", seq, "--instrumentation.prometheus", "--instrumentation.prometheus_listen_addr", "26660"}, "must be host:port"},
		{"censoring switch in a production build", []string{"start", "--home", seq, "--rollkit.aggregator", "--rollup.test_censor_signer", "milk1anything"}, "exists only in test builds"},
		{"tx indexer this node lacks", []string{"start", "--home", psqlIndex, "--rollkit.da_address", unreachableDA}, `indexer = "psql" is not supported`},
		{"metrics port in use", []string{"start", "--home", seq, "--instrumentation.prometheus", "--instrumentation.prometheus_listen_addr", busy.Addr().String()}, "pick a free port or turn metrics off"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { requireStartError(t, tc.args, tc.want) })
	}
}

// TestStartRefusesAHomeInUse: a second node on the home of a running one
// stops with one line that says so, and the running node is unaffected.
func TestStartRefusesAHomeInUse(t *testing.T) {
	c := newCluster(t)
	c.initChain()
	c.startDA()
	c.startSequencer()
	requireStartError(t, []string{"start", "--home", c.home("sequencer"), "--rollkit.aggregator",
		"--rollkit.da_address", "http://" + c.daAddr, "--rpc.laddr", "tcp://" + freeAddr(t), "--p2p.laddr", "tcp://" + freeAddr(t)},
		"is another milkywayd running on this home?")
	h := c.height(c.seqRPC)
	waitFor(t, 30*time.Second, "the running sequencer to go on", func() bool { return c.height(c.seqRPC) > h })
}

// TestLaneSequencerMustIndex: the default genesis has a forced-inclusion
// lane, and a sequencer finds forced txs in its tx index, so one told not
// to index stops with one line naming the setting to change. (A full node
// may run unindexed: TestTransferReachesFullNode.)
func TestLaneSequencerMustIndex(t *testing.T) {
	c := newCluster(t)
	c.initChain()
	c.startDA()
	unindexed := c.homeLike("unindexed-sequencer", "sequencer", "indexer", `"null"`)
	requireStartError(t, []string{"start", "--home", unindexed, "--rollkit.aggregator",
		"--rollkit.da_address", "http://" + c.daAddr, "--rpc.laddr", "tcp://" + freeAddr(t), "--p2p.laddr", "tcp://" + freeAddr(t)},
		`this chain has a forced-inclusion lane and a sequencer finds forced transactions in its tx index; set indexer = "kv"`)
}

// requireStartError runs milkywayd with args and requires it to fail with
// exactly one Error: line containing want, and no panic trace.
func requireStartError(t *testing.T, args []string, want string) {
	t.Helper()
	var stderr bytes.Buffer
	cmd := exec.Command(binary, args...)
	cmd.Stderr = &stderr
	err := cmd.Run()
	require.Error(t, err, "milkywayd must fail")
	out := stderr.String()
	require.Contains(t, out, want)
	require.NotContains(t, out, "goroutine ")
	require.NotContains(t, out, "panic")
	errLines := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "Error:") {
			errLines++
		}
	}
	require.Equal(t, 1, errLines, "want exactly one Error: line, got:\n%s", out)
}

// homeLike copies role's home to name and sets key = value in its
// config.toml.
func (c *cluster) homeLike(name, role, key, value string) string {
	c.t.Helper()
	home := c.copyHome(role, name)
	c.setConfig(name, key, value)
	return home
}

// copyHome copies role's home, keys and data included, to name.
func (c *cluster) copyHome(role, name string) string {
	c.t.Helper()
	out, err := exec.Command("cp", "-a", c.home(role), c.home(name)).CombinedOutput()
	require.NoError(c.t, err, string(out))
	return c.home(name)
}

// homeWithKeyFile copies the full node's home to name and replaces its
// consensus key file with content.
func (c *cluster) homeWithKeyFile(name, content string) string {
	c.t.Helper()
	home := c.copyHome("fullnode", name)
	require.NoError(c.t, os.WriteFile(filepath.Join(home, "config", "priv_validator_key.json"), []byte(content), 0o600))
	return home
}
