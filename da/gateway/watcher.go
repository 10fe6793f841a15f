package gateway

import (
	"context"

	goda "github.com/rollkit/go-da"
	rollkittypes "github.com/rollkit/rollkit/types"
)

// Watcher sees what the gateway screens and decides which blocks rollkit
// gets. The node's fraud detector (rollupnode/fraud) is its watcher: it
// looks for two signed blocks at one height, for app hashes that differ
// from the node's own and for forced-inclusion transactions left out, and after finding fraud it stops the node
// from following the sequencer.
type Watcher interface {
	// Observe gets every block that passed screening at daHeight, in DA
	// order, with its blob's DA ID, before any of them is handed on; it is
	// also called when a DA read finds nothing or fails, so a watcher can
	// act on the node's progress once per DA poll.
	Observe(ctx context.Context, daHeight uint64, blocks []*rollkittypes.Block, ids []goda.ID)
	// Admit says whether rollkit may get a block at height.
	Admit(height uint64) bool
}

// Watch installs w; every later read goes through it.
func (g *Gateway) Watch(w Watcher) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.watcher = w
}

func (g *Gateway) currentWatcher() Watcher {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.watcher
}
