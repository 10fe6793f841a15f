// Package da holds the data-availability helpers shared by the Celestia
// client (da/celestia), the mock DA (da/mockda) and the node: namespaces,
// blob IDs and share commitments, and the errors both sides of the wire
// agree on. It depends only on go-square and CometBFT's merkle package so
// that DA tooling can import it without pulling in the Cosmos SDK.
package da
