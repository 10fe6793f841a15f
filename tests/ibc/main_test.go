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
	var err error
	if simd, rly, err = buildIBCBinaries(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var remove func()
	milkywayd, remove, err = nodetest.BuildMilkywayd("milkywayd-ibc")
	if err != nil {
		fmt.Fprintln(os.Stderr, "tests/ibc: building milkywayd:", err)
		os.Exit(1)
	}
	code := m.Run()
	remove()
	os.Exit(code)
}

// buildIBCBinaries runs scripts/ibc/build.sh, which prints the simd and rly
// paths. Its output is shown only when it fails, followed by one line that
// says what to run: a missing module proxy must fail the suite, not skip it.
func buildIBCBinaries() (simdBin, rlyBin string, err error) {
	script, err := filepath.Abs(filepath.Join("..", "..", "scripts", "ibc", "build.sh"))
	if err != nil {
		return "", "", err
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("bash", script)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	paths := strings.Fields(stdout.String())
	if runErr != nil || len(paths) != 2 {
		os.Stderr.Write(stderr.Bytes())
		return "", "", fmt.Errorf("tests/ibc: building simd and rly failed (%v); they need the Go module proxy once: run `bash scripts/ibc/build.sh` (cached in ${XDG_CACHE_HOME:-~/.cache}/milkyway-rollup/ibc)", runErr)
	}
	return paths[0], paths[1], nil
}
