package app

import (
	abci "github.com/cometbft/cometbft/abci/types"
)

// FinalizeBlock executes the block as BaseApp does, while a second
// goroutine checks the signatures of the block's transactions ahead of it
// (preverify.go). Issue 15's replay profile put a third of a full node's
// block execution in signature checks, all on the one goroutine that
// executes blocks, while the machine's second core sat half idle.
//
// The pre-verifier only remembers transactions whose signatures are good
// (verifiedTxs, keyed as CheckTx keys them); the ante handler's
// verifyOnceDecorator then skips the check it would repeat, and verifies
// anything the pre-verifier did not get to, could not read or rejected. So
// the block's outcome, gas included, is the SDK's own on every node.
//
// It then hands the store the header BaseApp's Commit would have
// (commit_store.go).
func (app *App) FinalizeBlock(req *abci.RequestFinalizeBlock) (*abci.ResponseFinalizeBlock, error) {
	stop := app.preverifyBlock(req.Txs)
	defer stop()
	res, err := app.BaseApp.FinalizeBlock(req)
	if err == nil {
		app.setCommitHeader(req)
	}
	return res, err
}
