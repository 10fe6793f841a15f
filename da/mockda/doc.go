// Package mockda is a Celestia-like mock data-availability layer for local
// development and tests of the MilkyWay rollup.
//
// It serves the part of celestia-node's JSON-RPC API a rollup uses
// (blob.Submit/GetAll/Get/GetProof/Included, header.NetworkHead/
// GetByHeight/WaitForHeight, node.Info, state.Balance) with the encodings
// and errors recorded from celestia-node v0.32.1, so a node started with
// --rollkit.da_address http://127.0.0.1:7980 uses the same client
// (da/celestia) as against Celestia:
//
//   - DA blocks are produced on a ticker (heights from 1, empty blocks too,
//     each with a timestamp); blob.Submit waits until its blobs are in a
//     block and returns its height;
//   - blobs live in 29-byte version 0 Celestia namespaces, isolated from
//     each other; bad namespaces are refused while decoding params;
//   - blobs carry their share commitment computed with go-square, as on
//     Celestia;
//   - each block commits to its blobs with a merkle data root, and
//     blob.GetProof/blob.Included produce and check inclusion proofs (in
//     the JSON shape of celestia-node's, with a merkle proof inside);
//   - everything is persisted in pebble and survives restarts.
//
// What is not emulated: fees and accounts, data square layout and erasure
// coding (namespaced merkle trees, sampling), block size limits across
// submissions, consensus (headers carry placeholder signatures), auth
// tokens (any is accepted), and reorgs (there are none on Celestia either).
package mockda
