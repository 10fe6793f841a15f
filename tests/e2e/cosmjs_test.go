package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestWalletsWithCosmJS runs tests/cosmjs (CosmJS 0.39, pinned in its
// package-lock.json) against a sequencer and a DA-only full node: a wallet
// that knows only the full node reads blocks, subscribes, signs with Direct
// and Amino, and broadcasts bank sends and pool delegations that land on
// both nodes. It needs node and npm; outside CI it is skipped without them.
func TestWalletsWithCosmJS(t *testing.T) {
	node, npm := lookTools(t, "node", "npm")
	dir, err := filepath.Abs("../cosmjs")
	require.NoError(t, err)
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@cosmjs", "stargate")); err != nil {
		install := exec.Command(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
		install.Dir = dir
		out, err := install.CombinedOutput()
		require.NoError(t, err, "npm ci in tests/cosmjs:\n%s", out)
	}

	c := newCluster(t)
	c.initChain("alice", "bob")
	c.startDA()
	c.startSequencer()
	c.startFullNode("--rollup.sequencer_rpc", "tcp://"+c.seqRPC)
	waitFor(t, 60*time.Second, "the full node to sync", func() bool { return c.height(c.fullRPC) >= 2 })

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	run := exec.CommandContext(ctx, node, "--test", "--test-force-exit", "--test-reporter=spec", "wallet.test.mjs")
	run.Dir = dir
	run.Env = append(os.Environ(),
		"FULL_RPC=http://"+c.fullRPC, "SEQ_RPC=http://"+c.seqRPC, "CHAIN_ID="+chainID,
		"ALICE_KEY="+c.privateKeyHex("alice"), "BOB_KEY="+c.privateKeyHex("bob"))
	out, err := run.CombinedOutput()
	t.Logf("node --test tests/cosmjs/wallet.test.mjs:\n%s", out)
	require.NoError(t, err, "the CosmJS check failed")
	require.Contains(t, string(out), "pass 4", "all four wallet checks ran")
}

// lookTools finds programs on PATH; without them the test is skipped, or
// fails in CI, where they must be installed.
func lookTools(t *testing.T, names ...string) (string, string) {
	paths := make([]string, len(names))
	for i, n := range names {
		p, err := exec.LookPath(n)
		if err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is required in CI (the CosmJS wallet check): %v", n, err)
			}
			t.Skipf("%s not installed: skipping the CosmJS wallet check", n)
		}
		paths[i] = p
	}
	return paths[0], paths[1]
}

// privateKeyHex exports a test key's secp256k1 private key, as a wallet
// import would take it.
func (c *cluster) privateKeyHex(key string) string {
	c.t.Helper()
	cmd := exec.Command(binary, "keys", "export", key, "--unarmored-hex", "--unsafe",
		"--keyring-backend", "test", "--home", c.home("sequencer"))
	cmd.Stdin = strings.NewReader("y\n")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(c.t, cmd.Run(), stderr.String())
	return strings.TrimSpace(stdout.String())
}
