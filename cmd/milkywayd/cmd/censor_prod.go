//go:build !censortest

package cmd

import (
	"fmt"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
)

// censorFilter: a production build never ignores the lane.
func censorFilter(_ *app.App, signer string) (func(lane.Forced) bool, error) {
	if signer != "" {
		return nil, fmt.Errorf("--%s exists only in test builds (go build -tags censortest); a production sequencer cannot ignore the forced-inclusion lane", flagTestCensorSigner)
	}
	return nil, nil
}
