package rollupnode

import (
	"fmt"

	cmtcfg "github.com/cometbft/cometbft/config"
)

// TxIndexing reports whether config.toml's [tx_index] asks this node to
// index transactions, as a CometBFT node reads it: "kv" (the default)
// indexes them and the blocks' events, "null" indexes nothing. Rollkit
// v0.13.6 ignores the setting and always indexes; a node that only
// verifies the chain (a fraud watcher) saves the index's disk and memory
// and a few percent of its catch-up time (txindex/, issue 15). CometBFT's
// "psql" sink is not available here.
func TxIndexing(cfg *cmtcfg.TxIndexConfig) (bool, error) {
	switch cfg.Indexer {
	case "kv", "":
		return true, nil
	case "null":
		return false, nil
	default:
		return false, fmt.Errorf(`config.toml [tx_index] indexer = %q is not supported by this node; set "kv" (index transactions) or "null" (index nothing)`, cfg.Indexer)
	}
}
