// Package e2e runs the real milkywayd binary: a mock DA, a sequencer and a
// DA-only full node as separate processes on loopback ports.
package e2e

import (
	"fmt"
	"os"
	"testing"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

func TestMain(m *testing.M) {
	var remove func()
	var err error
	binary, remove, err = nodetest.BuildMilkywayd("milkywayd-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, "building milkywayd:", err)
		os.Exit(1)
	}
	code := m.Run()
	remove()
	os.Exit(code)
}
