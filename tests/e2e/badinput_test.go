package e2e

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestStartRejectsBadInput: each mistake ends with one clear error line
// naming the problem and the fix, never a panic trace.
func TestStartRejectsBadInput(t *testing.T) {
	c := newCluster(t)
	c.initChain()
	seq := c.home("sequencer")
	unreachableDA := "http://" + freeAddr(t)

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
		{"malformed DA address", []string{"start", "--home", seq, "--rollkit.da_address", "127.0.0.1:7980"}, "http://host:port"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			cmd := exec.Command(binary, tc.args...)
			cmd.Stderr = &stderr
			err := cmd.Run()
			require.Error(t, err, "milkywayd must fail")
			out := stderr.String()
			require.Contains(t, out, tc.want)
			require.NotContains(t, out, "goroutine ")
			require.NotContains(t, out, "panic")
			errLines := 0
			for _, line := range strings.Split(out, "\n") {
				if strings.HasPrefix(line, "Error:") {
					errLines++
				}
			}
			require.Equal(t, 1, errLines, "want exactly one Error: line, got:\n%s", out)
		})
	}
}
