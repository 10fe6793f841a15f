package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"time"

	"github.com/stretchr/testify/require"
)

// tx signs and broadcasts a transaction from key through the sequencer and
// returns its hash; CheckTx must accept it.
func (c *cluster) tx(key string, args ...string) string {
	c.t.Helper()
	return c.broadcast(key, append([]string{"tx"}, args...)...)
}

// broadcast runs a milkywayd command that signs and broadcasts a tx from
// key (`tx ...`, `evidence ...`) and returns its hash; CheckTx must accept it.
func (c *cluster) broadcast(key string, command ...string) string {
	c.t.Helper()
	full := append(command, "--from", key, "--chain-id", chainID, "--keyring-backend", "test",
		"--home", c.home("sequencer"), "--fees", "5000umilk",
		"--node", "tcp://"+c.seqRPC, "-y", "-o", "json")
	if !slices.Contains(command, "--gas") { // the last --gas given wins
		full = append(full, "--gas", "400000")
	}
	out := c.cli(full...)
	var res struct {
		Code   uint32 `json:"code"`
		TxHash string `json:"txhash"`
		RawLog string `json:"raw_log"`
	}
	// Commands may print a note on stdout before the JSON result.
	require.NoError(c.t, json.Unmarshal([]byte(out[max(strings.Index(out, "{"), 0):]), &res), out)
	require.Zero(c.t, res.Code, "CheckTx rejected %v: %s", command, res.RawLog)
	return res.TxHash
}

// txResult waits for the transaction to be in a block and returns its
// result code and codespace.
func (c *cluster) txResult(hash string) (uint32, string) {
	c.t.Helper()
	var res struct {
		Code      uint32 `json:"code"`
		Codespace string `json:"codespace"`
	}
	waitFor(c.t, 60*time.Second, "tx "+hash+" in a block", func() bool {
		out, err := c.tryCLI("query", "tx", hash, "--node", "tcp://"+c.seqRPC, "-o", "json")
		return err == nil && json.Unmarshal([]byte(out), &res) == nil
	})
	return res.Code, res.Codespace
}

// mustTx sends a transaction and requires it to succeed in its block.
func (c *cluster) mustTx(key string, args ...string) {
	c.t.Helper()
	code, codespace := c.txResult(c.tx(key, args...))
	require.Zero(c.t, code, "tx %v failed in its block (codespace %s)", args, codespace)
}

// tryCLI runs a milkywayd command and returns its stdout or an error. A
// command that hangs (a node killed mid-request) is ended after a minute.
func (c *cluster) tryCLI(args ...string) (string, error) {
	var stdout, stderr bytes.Buffer
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}
