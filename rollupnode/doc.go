// Package rollupnode holds what a milkywayd node (sequencer or full node)
// does around rollkit v0.13.6 that rollkit leaves out. It must not order or
// choose transactions: that is the sequencer's (sequencer/lane, app's
// PrepareProposal).
//
//   - config.go: the checks a start must pass (signing key is the genesis
//     sequencer, block times, backlog limit) with errors that name the fix.
//   - recovery.go: after a crash, bring the app and rollkit's block store
//     back to the same height before the node starts (replay blocks the
//     app missed, or roll the app back one uncommitted-by-rollkit height).
//   - index_repair.go: index again the committed blocks a crash left out of
//     the tx index.
//   - status.go, metrics.go: the node's status (latest height, DA-included
//     height, blocks pending DA, fraud halt) over HTTP and as Prometheus
//     gauges.
//   - fraud/: fraud detection on full nodes (equivocation, state mismatch,
//     censorship of the forced-inclusion lane), its reports, and the halt
//     that stops the node following the sequencer.
//   - cometrpc/: the node's RPC, CometBFT's server and routes over rollkit's
//     client.
package rollupnode
