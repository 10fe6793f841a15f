package ibc

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

const (
	pathName = "milkyway-lst"
	// relayerKey is the key the relayer signs with on both chains.
	relayerKey = "relayer"
	// clientTrustingPeriod bounds how long each 07-tendermint client trusts
	// the last header it verified. A client of this rollup trusts the
	// sequencer's key, and the stake that answers for that key (restaked to
	// the sequencing operator) can leave 72h after it unbonds: 48h keeps a
	// forged header inside the window in which the stake can still be
	// slashed. It is also far below both chains' staking unbonding time
	// (21 days), as the client requires.
	clientTrustingPeriod = "48h"
)

// relayer is an rly home configured for the rollup and the simd chain.
type relayer struct {
	t      testing.TB
	home   string
	a, b   *chain
	logDir string
}

// newRelayer writes an rly config for both chains, imports the funded key
// relayerKey of each chain's keyring (by its mnemonic) and adds the path
// between them. rly v2.6 uses one RPC per chain for both queries and
// broadcasts: the rollup's entry is the sequencer's RPC, or the DA-only
// full node's (chain.relayRPC), which answers queries from the blocks it
// verified and forwards broadcasts to the sequencer.
func newRelayer(t *testing.T, root string, a, b *chain) *relayer {
	t.Helper()
	r := &relayer{t: t, home: filepath.Join(root, "rly"), a: a, b: b, logDir: root}
	r.run("config", "init")
	gasPrices := map[string]string{a.name: "0.0025umilk", b.name: "0.01stake"}
	for _, c := range []*chain{a, b} {
		rpc := c.rpc
		if c.relayRPC != "" {
			rpc = c.relayRPC
		}
		cfg := map[string]any{
			"type": "cosmos",
			"value": map[string]any{
				"key":             relayerKey,
				"chain-id":        c.chainID,
				"rpc-addr":        "http://" + rpc,
				"account-prefix":  c.prefix,
				"keyring-backend": "test",
				"gas-adjustment":  1.5,
				"gas-prices":      gasPrices[c.name],
				"debug":           false,
				"timeout":         "20s",
				"output-format":   "json",
				"sign-mode":       "direct",
				"coin-type":       118,
				// rly counts a chain in sync only when it is less than two
				// blocks behind at the start of a query cycle; with its
				// default one-second cycle and the rollup's 500 ms blocks
				// it never is. A cycle shorter than a block (JSON: ns) fixes it.
				"min-loop-duration": (200 * time.Millisecond).Nanoseconds(),
			},
		}
		bz, err := json.Marshal(cfg)
		require.NoError(t, err)
		file := filepath.Join(root, "rly-"+c.name+".json")
		require.NoError(t, os.WriteFile(file, bz, 0o600))
		r.run("chains", "add", "--file", file, c.name)
		r.run("keys", "restore", c.name, relayerKey, c.mnemonics[relayerKey])
	}
	r.run("paths", "new", a.chainID, b.chainID, pathName)
	return r
}

// run runs an rly command to completion and returns its stdout.
func (r *relayer) run(args ...string) string {
	r.t.Helper()
	out, err := r.try(args...)
	require.NoError(r.t, err, "rly %s", strings.Join(args, " "))
	return out
}

// rlyCommandLimit bounds one rly command: a hung relayer fails the test
// instead of waiting out rly's own ten-minute flush timeout.
const rlyCommandLimit = 5 * time.Minute

// try runs an rly command, appending its output to rly.log, and returns
// its stdout, or an error carrying its output.
func (r *relayer) try(args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), rlyCommandLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, rly, append(args, "--home", r.home)...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if f, ferr := os.OpenFile(filepath.Join(r.logDir, "rly.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600); ferr == nil {
		_, _ = f.WriteString("$ rly " + strings.Join(args, " ") + "\n" + stdout.String() + stderr.String())
		_ = f.Close()
	}
	if err != nil {
		return stdout.String(), fmt.Errorf("rly %s: %w\nstdout: %s\nstderr: %s", strings.Join(args, " "), err, stdout.String(), lastLines(stderr.String(), 30))
	}
	return stdout.String(), nil
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return strings.Join(lines[max(0, len(lines)-n):], "\n")
}

// link creates a 07-tendermint client on each chain of the other,
// a connection and an ICS-20 transfer channel, records each chain's
// channel end and returns how long it took.
func (r *relayer) link() time.Duration {
	r.t.Helper()
	start := time.Now()
	r.run("tx", "link", pathName, "--src-port", "transfer", "--dst-port", "transfer",
		"--order", "unordered", "--version", "ics20-1", "--client-tp", clientTrustingPeriod)
	took := time.Since(start)
	r.a.channel, r.b.channel = r.a.transferChannel(), r.b.transferChannel()
	return took
}

// relayPackets relays every pending packet of the path in both directions,
// receipts, acknowledgements and timeouts, until none of pkts has a
// commitment left on its source chain (it was acknowledged or timed out).
// It returns the time from the first flush until then.
func (r *relayer) relayPackets(pkts ...packet) time.Duration {
	r.t.Helper()
	start := time.Now()
	nodetest.WaitFor(r.t, 3*time.Minute, "the relayer to settle every packet", func() bool {
		// A failed flush (say, a sequence race with the previous one) is
		// retried; the packets' commitments decide when relaying is done.
		if _, err := r.try("tx", "flush", pathName); err != nil {
			r.t.Logf("retrying: %v", lastLines(err.Error(), 5))
		}
		for _, p := range pkts {
			if p.src.packetCommitted(p.sequence) {
				return false
			}
		}
		return true
	})
	return time.Since(start)
}
