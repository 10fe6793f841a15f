// Package gateway is the node's own door to the DA layer. Rollkit v0.13.6
// only takes a DA address, so every node starts a gateway on loopback and
// points rollkit at it; the gateway forwards to the configured DA (the mock
// DA or a Celestia light node) and adds what rollkit lacks:
//
//   - Blob screening on read: every blob in the chain's namespace is decoded
//     and checked against the genesis sequencer (proposer address, validator
//     set, header signature, data hash) before rollkit sees it. A forged or
//     malformed blob is dropped and logged at WARN; rollkit v0.13.6 would
//     log it at DEBUG, or dereference nil on a blob that does not decode.
//   - A watcher (watcher.go): every screened block is shown to the node's
//     fraud detector (rollupnode/fraud), which decides whether rollkit gets
//     it; after sequencer fraud nothing at or above its height is handed on.
//   - Sync progress: rollup blocks read per DA height and a blocks/s rate.
//   - Submission tracking: the highest rollup height known to be on DA.
//
// Only the go-da methods are served over JSON-RPC.
package gateway
