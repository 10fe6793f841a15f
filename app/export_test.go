package app

import (
	"sync/atomic"

	"github.com/cosmos/gogoproto/grpc"
)

// PreverifyCommitted runs the block pre-verifier over txs to the end, as
// FinalizeBlock's second goroutine would if it always ran ahead, and
// returns how many txs it remembered as verified.
func (app *App) PreverifyCommitted(txs [][]byte) int {
	p, ok := app.committedStatePreverifier()
	if !ok {
		return 0
	}
	return len(p.run(txs, new(atomic.Bool)))
}

// SkippedSignatureChecks is how many signature checks blocks skipped
// because CheckTx or the pre-verifier had done them.
func (app *App) SkippedSignatureChecks() uint64 { return app.verified.skipped() }

// ModuleQueryServer is where the app's modules register their queries.
func (app *App) ModuleQueryServer() grpc.Server { return app.moduleQueryServer() }
