// Package sequencer holds the node-side policy around rollkit's block
// manager that rollkit v0.13.6 leaves out:
//
//   - recovery.go: after a crash, bring the app and rollkit's block store
//     back to the same height before the node starts (replay blocks the
//     app missed, or roll the app back one uncommitted-by-rollkit height).
//   - status.go: the sequencer status (latest height, DA-included height,
//     blocks pending DA) served over HTTP next to the CometBFT-style RPC.
//   - config.go: the checks a start must pass (signing key is the genesis
//     sequencer, block times, backlog limit) with errors that name the fix.
//   - fraud/: fraud detection on full nodes (equivocation, state mismatch),
//     its reports, and the halt that stops the node following the sequencer.
//   - cometrpc/: the node's RPC, CometBFT's server and routes over rollkit's
//     client.
//   - txforward/: a full node's RPC hands broadcast_tx_* to the sequencer.
package sequencer
