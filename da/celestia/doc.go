// Package celestia is a client of celestia-node's JSON-RPC API (the blob,
// header, node and state modules a light node serves on port 26658) that
// implements go-da v0.5.0's DA interface, so that the node's DA gateway,
// `milkywayd da inspect` and `milkywayd evidence` can use a current
// celestia-node. celestia-node v0.32 no longer serves the go-da `da.*`
// methods rollkit v0.13.6's own client calls, and v0.31.6 answers
// `da.GetIDs` in a shape go-da v0.5.0 cannot decode.
//
// The mapping (details in the method comments):
//
//	Submit      one blob.Submit of all blobs; IDs = height (8 bytes LE) || share commitment
//	GetIDs      blob.GetAll(height, [namespace]); null means no blobs
//	Get         blob.Get per ID (answered from the preceding GetIDs when it read the blob)
//	GetProofs   blob.GetProof per ID; a proof is the node's JSON, kept as bytes
//	Validate    blob.Included per ID
//	Commit      computed locally with go-square
//	MaxBlobSize a constant (MaxBlobSize), no request
//
// SubmitUnchecked, outside go-da, is Submit without the MaxBlobSize
// pre-check, for probing a network's own size limit.
//
// The wire format was recorded from a celestia-node v0.32.1 bridge (see
// wire_test.go): heights in params are JSON numbers, namespaces, data and
// commitments base64, integers inside headers strings.
package celestia
