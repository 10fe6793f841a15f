//go:build celestia

package celestiae2e

// Steps TestRollupOnCelestia repeats: expecting a start error, stopping
// and starting the bridge, funding it, reading balances and heads.

import (
	"context"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/stretchr/testify/require"
)

// requireStartError runs milkywayd with args and expects it to fail at
// start with exactly one Error: line containing want.
func requireStartError(t *testing.T, args []string, want ...string) string {
	t.Helper()
	_, stderr, err := run(args...)
	require.Error(t, err, "milkywayd must fail")
	require.NotContains(t, stderr, "panic")
	var lines []string
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "Error:") {
			lines = append(lines, line)
		}
	}
	require.Len(t, lines, 1, "want exactly one Error: line, got:\n%s", stderr)
	for _, w := range want {
		require.Contains(t, lines[0], w)
	}
	return lines[0]
}

// window is a point of steady posting: right after a submission landed.
type window struct {
	balance, included, logOffset int64
}

// settled waits for the next submission to land and reads the bridge's
// balance at once: the next one takes ~3 s, so the balance matches the
// included height.
func (r *rollup) settled(t *testing.T, c *celestia.Client) window {
	t.Helper()
	cur := r.status(r.seqRPC).DAIncluded
	waitFor(t, 60*time.Second, "a submission to land", func() bool { return r.status(r.seqRPC).DAIncluded > cur })
	w := window{included: r.status(r.seqRPC).DAIncluded, logOffset: logSize(r.seq.log)}
	w.balance = mustBalance(t, c)
	return w
}

// bridge runs network.sh with a subcommand (bridge-stop, bridge-start).
func bridge(t *testing.T, sub string) {
	t.Helper()
	out, err := exec.Command("bash", network["CELESTIA_NETWORK_SCRIPT"], sub).CombinedOutput()
	require.NoError(t, err, string(out))
}

// fundBridge sends utia (network.sh's default amount if empty) from the
// validator to the bridge's account.
func fundBridge(t *testing.T, utia string) {
	t.Helper()
	args := []string{network["CELESTIA_NETWORK_SCRIPT"], "fund"}
	if utia != "" {
		args = append(args, utia)
	}
	out, err := exec.Command("bash", args...).CombinedOutput()
	require.NoError(t, err, string(out))
}

// requirePending checks blocks keep being made and stay pending.
func requirePending(t *testing.T, r *rollup) {
	t.Helper()
	waitFor(t, 30*time.Second, "blocks pending DA", func() bool { return r.status(r.seqRPC).Pending >= 2 })
}

func mustBalance(t *testing.T, c *celestia.Client) int64 {
	t.Helper()
	b, err := c.Balance(context.Background())
	require.NoError(t, err)
	v, err := strconv.ParseInt(b.Amount, 10, 64)
	require.NoError(t, err)
	return v
}

func mustHead(t *testing.T, c *celestia.Client) uint64 {
	t.Helper()
	h, err := c.NetworkHead(context.Background())
	require.NoError(t, err)
	return h.Height
}
