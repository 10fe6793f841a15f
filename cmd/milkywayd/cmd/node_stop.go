package cmd

import (
	"time"

	"cosmossdk.io/log"
)

// nodeStopGrace bounds how long a stop waits for rollkit's node. Its
// libp2p host (v0.35.0) closes through fx.App.Stop with no deadline, and
// now and then one of libp2p's own stop hooks never returns: the node
// then ignored SIGTERM until it was killed. By the time it stops, the
// block loops have been cancelled and every committed block is on disk
// (a restart recovers from a SIGKILL), so exiting without it loses nothing.
const nodeStopGrace = 10 * time.Second

// stopNode stops the node, waiting at most grace; it reports whether the
// node stopped. A node that did not is left to the process exit.
func stopNode(node interface{ Stop() error }, grace time.Duration, logger log.Logger) bool {
	done := make(chan error, 1)
	go func() { done <- node.Stop() }()
	timer := time.NewTimer(grace)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			logger.Error("stopping the rollup node", "err", err)
		}
		return true
	case <-timer.C:
		logger.Error("the rollup node did not stop in time; exiting without waiting for it (rollkit's libp2p host can hang on close; committed blocks are on disk)", "waited", grace)
		return false
	}
}
