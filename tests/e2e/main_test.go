// Package e2e runs the real milkywayd binary: a mock DA, a sequencer and a
// DA-only full node as separate processes on loopback ports.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "milkywayd-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "milkywayd")
	build := exec.Command("go", "build", "-o", binary, "github.com/milkyway-labs/milkyway-rollup/cmd/milkywayd")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building milkywayd:", err)
		os.Exit(1)
	}
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}
