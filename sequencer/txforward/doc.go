// Package txforward lets a full node take transactions: it sends the
// broadcast_tx_* calls a client makes to the node's RPC on to the
// sequencer and answers with the sequencer's result.
//
// Rollkit v0.13.6 puts a transaction sent to a full node into that node's
// own mempool, where no block producer ever sees it: the client waits and
// times out with no error. A wallet or a relayer pointed at a full node
// (which reads and verifies every block from the DA) must still get its
// transactions in, so the full node's RPC hands them to the sequencer.
//
// It owns no state and does not look into a transaction: the sequencer's
// CheckTx decides, and its answer, errors included, reaches the client
// unchanged. Only the broadcast methods are forwarded; queries are answered
// by the full node from what it verified itself.
package txforward
