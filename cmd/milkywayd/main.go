// Command milkywayd runs and operates the MilkyWay restaking rollup: a
// sequencer or full node (rollkit), the mock DA, keys, genesis, queries and
// transactions.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/milkyway-labs/milkyway-rollup/cmd/milkywayd/cmd"
)

func main() {
	root := cmd.NewRootCmd()
	if err := root.Execute(); err != nil {
		// One line naming the problem (and the fix where we know it),
		// never a stack trace.
		var exitErr interface{ ExitCode() int }
		fmt.Fprintln(os.Stderr, "Error:", err)
		if errors.As(err, &exitErr) {
			os.Exit(exitErr.ExitCode())
		}
		os.Exit(1)
	}
}
