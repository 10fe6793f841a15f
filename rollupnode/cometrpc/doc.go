// Package cometrpc serves a rollkit node's client over CometBFT's own
// JSON-RPC server, so wallets, explorers, indexers and relayers built for
// CometBFT work unchanged.
//
// Rollkit v0.13.6 ships its own JSON-RPC server whose parameter parsing and
// websocket frames differ from CometBFT's (URI params such as hash=0x...,
// optional params, positional subscribe, event frames without query and
// events), and whose client leaves gaps CometBFT clients trip on (block ids
// without a part-set header, no latest height when none is given, no
// default page). This package registers CometBFT's routes with CometBFT's
// rpc/jsonrpc/server, calls rollkit's client underneath and fills those
// gaps; results are CometBFT's own result types, so their JSON is
// CometBFT's.
//
// It owns no state and changes nothing in a block: it only reads through
// the client. Methods a rollup has no equivalent for (consensus state) fail
// with an error that says so.
package cometrpc
