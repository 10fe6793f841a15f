//go:build !censortest

package cmd

import (
	"fmt"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
)

// checkCensorFlag: a production build refuses the test-only flag at start.
func checkCensorFlag(signer string) error {
	if signer != "" {
		return fmt.Errorf("--%s exists only in test builds (go build -tags censortest); a production sequencer cannot ignore the forced-inclusion lane", flagTestCensorSigner)
	}
	return nil
}

// censorFilter: a production build never ignores the lane.
func censorFilter(*app.App, string) func(lane.Forced) bool { return nil }
