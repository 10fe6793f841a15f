package nodetest

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestStopReportsAProcessThatHadToBeKilled(t *testing.T) {
	log := filepath.Join(t.TempDir(), "p.log")

	obeys, err := Start("sleep", log, "600")
	require.NoError(t, err)
	require.False(t, Stop(obeys, syscall.SIGTERM, time.Minute), "sleep exits on SIGTERM")

	ignores, err := Start("sh", log, "-c", `trap "" TERM; echo ready; while :; do sleep 1; done`)
	require.NoError(t, err)
	require.Eventually(t, func() bool { return strings.Contains(LogTail(log, 5), "ready") }, time.Minute, 10*time.Millisecond, "the shell set its trap")
	require.True(t, Stop(ignores, syscall.SIGTERM, 100*time.Millisecond), "SIGTERM was ignored, so SIGKILL ended it")
	require.False(t, Stop(ignores, syscall.SIGTERM, time.Minute), "a process already waited for is left alone")
}
