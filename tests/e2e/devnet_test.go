package e2e

import (
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

// TestDevnetScriptBringsBackWhatIsDown drives local-devnet/devnet.sh as a
// user would: after a process crashes, `status` names it, `up` starts just
// that one and leaves the rest running, and with `--supervise` a crashed
// process comes back by itself. The devnet's ports are fixed, so the test
// is skipped while another devnet holds them.
func TestDevnetScriptBringsBackWhatIsDown(t *testing.T) {
	for _, port := range []string{"7980", "26657", "26757", "26660", "26760"} {
		if dialable("127.0.0.1:" + port) {
			t.Skipf("port %s is in use (a devnet running?): the devnet script's ports are fixed", port)
		}
	}
	home := t.TempDir()
	devnet := func(args ...string) (string, error) {
		cmd := exec.Command("bash", append([]string{"../../local-devnet/devnet.sh"}, args...)...)
		cmd.Env = append(os.Environ(), "DEVNET_HOME="+home, "MILKYWAYD="+binary, "BLOCK_TIME=500ms", "DA_BLOCK_TIME=500ms")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	t.Cleanup(func() {
		out, err := devnet("down")
		require.NoError(t, err, out)
		for _, name := range []string{"da", "sequencer", "fullnode"} {
			bz, _ := os.ReadFile(filepath.Join(home, name, name+".log"))
			require.NotContains(t, string(bz), "panic:", "%s.log", name)
		}
	})
	out, err := devnet("up")
	require.NoError(t, err, out)
	// The devnet serves Prometheus metrics on both nodes.
	for _, addr := range []string{"127.0.0.1:26660", "127.0.0.1:26760"} {
		waitFor(t, 30*time.Second, "metrics on "+addr, func() bool {
			return value(scrape(t, addr), "cometbft_rollup_latest_height") > 0
		})
	}

	killPid := func(name string) {
		bz, err := os.ReadFile(filepath.Join(home, name, name+".pid"))
		require.NoError(t, err)
		pid, err := strconv.Atoi(strings.TrimSpace(string(bz)))
		require.NoError(t, err)
		require.NoError(t, syscall.Kill(pid, syscall.SIGKILL))
		waitFor(t, 10*time.Second, name+" to die", func() bool { return syscall.Kill(pid, 0) != nil })
	}

	killPid("sequencer")
	out, err = devnet("status")
	require.Error(t, err, "status must fail while a process is down")
	require.Contains(t, out, "sequencer  DOWN")
	require.Contains(t, out, "fullnode   running")

	out, err = devnet("up")
	require.NoError(t, err, out)
	require.Contains(t, out, "starting only: sequencer")
	out, err = devnet("status")
	require.NoError(t, err, out)

	out, err = devnet("up", "--supervise")
	require.NoError(t, err, out)
	require.Contains(t, out, "already running")
	require.Contains(t, out, "started the supervisor")
	killPid("fullnode")
	waitFor(t, 60*time.Second, "the supervisor to restart the full node", func() bool {
		out, err := devnet("status")
		return err == nil && strings.Contains(out, "fullnode   running")
	})
	bz, err := os.ReadFile(filepath.Join(home, "supervisor.log"))
	require.NoError(t, err)
	require.Contains(t, string(bz), "fullnode is not running; restarting it")
}
