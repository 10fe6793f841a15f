// Command milkywayd runs and operates the MilkyWay restaking rollup: a
// sequencer or full node (rollkit), the mock DA, keys, genesis, queries and
// transactions.
package main

import (
	"fmt"
	"os"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/milkyway-labs/milkyway-rollup/cmd/milkywayd/cmd"
)

func main() {
	// Shown by `version` and written into exports; the Makefile may add
	// the git version through -ldflags.
	version.Name, version.AppName = "milkyway", "milkywayd"
	root := cmd.NewRootCmd()
	// Execute adds the persistent --home and --log_* flags.
	if err := svrcmd.Execute(root, "MILKYWAYD", cmd.DefaultNodeHome); err != nil {
		// One line naming the problem (and the fix where we know it),
		// never a stack trace.
		fmt.Fprintln(os.Stderr, "Error:", err)
		os.Exit(1)
	}
}
