package rollupnode

import (
	badger4 "github.com/ipfs/go-ds-badger4"
)

// blockStoreValueThreshold is the size above which rollkit's datastore
// keeps a value in badger's value log instead of in its LSM tree.
//
// Rollkit opens its store with go-ds-badger4's package DefaultOptions, and
// badger v4 keeps every value up to 1 MiB in the tree. A loaded block
// (hundreds of KiB, saved twice) and its responses then sit in the tree,
// and every compaction copies them again: under 1,000 tx/s, badger's
// compactions took a third of the sequencer's CPU and stalled blocks for
// seconds. In the value log a value is written once; the tree keeps a
// pointer. Rollkit never deletes blocks, so the log needs no collection.
// Changing it is safe on an existing store: values already written stay
// readable where they are.
const blockStoreValueThreshold = 1 << 10

// init sets the options before any rollkit store is opened in this binary:
// by the node (node.NewNode), by crash recovery and by the tools
// (OpenBlockStore), which all pass nil options to go-ds-badger4.
func init() {
	badger4.DefaultOptions.Options = badger4.DefaultOptions.Options.WithValueThreshold(blockStoreValueThreshold)
}
