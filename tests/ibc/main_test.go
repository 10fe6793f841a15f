// Package ibc runs this rollup against another chain over IBC, every part
// a real process: the mock DA, a milkywayd sequencer and a DA-only full
// node, a one-validator chain of ibc-go's testing simd (standing in for a
// chain that issues a liquid staking token, ustTIA) and the Go relayer
// rly. scripts/ibc/build.sh builds simd and rly into a cache outside the
// repository (minutes the first time, nothing after); TestMain builds
// milkywayd. See docs/ibc.md.
package ibc

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// The binaries TestMain builds or finds in the cache.
var milkywayd, simd, rly string

func TestMain(m *testing.M) {
	// milkywayd first: simd is built on the chain's pins, so the Go build
	// cache this fills serves most of it.
	var err error
	var remove func()
	milkywayd, remove, err = nodetest.BuildMilkywayd("milkywayd-ibc")
	if err != nil {
		fmt.Fprintln(os.Stderr, "tests/ibc: building milkywayd:", err)
		os.Exit(1)
	}
	if simd, rly, err = buildIBCBinaries(); err != nil {
		remove()
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	remove()
	os.Exit(code)
}

// buildIBCBinaries runs scripts/ibc/build.sh, which prints the simd and rly
// paths, with its progress in a log file. A failure (a missing module
// proxy, most likely) fails the suite, never skips it, with one line that
// says what went wrong and what to run.
func buildIBCBinaries() (simdBin, rlyBin string, err error) {
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "ibc", "build.sh"))
	if err != nil {
		return "", "", err
	}
	logFile, err := os.CreateTemp("", "ibc-build-*.log")
	if err != nil {
		return "", "", err
	}
	defer logFile.Close()
	var stdout bytes.Buffer
	cmd := exec.Command("bash", script)
	cmd.Stdout, cmd.Stderr = &stdout, logFile
	runErr := cmd.Run()
	paths := strings.Fields(stdout.String())
	if runErr == nil && len(paths) == 2 {
		_ = os.Remove(logFile.Name())
		return paths[0], paths[1], nil
	}
	reason := fmt.Sprint(runErr)
	if bz, err := os.ReadFile(logFile.Name()); err == nil {
		for _, line := range strings.Split(string(bz), "\n") {
			if strings.Contains(line, "ERROR:") {
				reason = strings.TrimSpace(line[strings.Index(line, "ERROR:")+len("ERROR:"):])
			}
		}
	}
	return "", "", fmt.Errorf("tests/ibc: building simd and rly failed (%s; log: %s): run `bash scripts/ibc/build.sh` with the Go module proxy reachable", reason, logFile.Name())
}
