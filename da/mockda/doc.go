// Package mockda is a Celestia-like mock data-availability layer for local
// development and tests of the MilkyWay rollup.
//
// It serves the go-da v0.5.0 DA interface over go-da's JSON-RPC server, the
// same API a celestia-node light node exposes to rollkit, so a rollup node
// started with --rollkit.da_address http://127.0.0.1:7980 cannot tell the
// difference for the features it uses:
//
//   - DA blocks are produced on a ticker (heights from 1, empty blocks too,
//     each with a timestamp); Submit waits until its blobs are in a block;
//   - blobs live in 29-byte version 0 Celestia namespaces, isolated from
//     each other;
//   - IDs are the little-endian height followed by the blob's share
//     commitment computed with go-square, as celestia-node's;
//   - sizes are limited as on Celestia, with errors rollkit understands;
//   - each block commits to its blobs with a merkle data root, and
//     GetProofs/Validate produce and check real inclusion proofs;
//   - everything is persisted in pebble and survives restarts.
//
// What is not emulated: fees and accounts, data square layout and erasure
// coding (namespaced merkle trees, sampling), block size limits across
// submissions, and reorgs (there are none on Celestia either).
package mockda
