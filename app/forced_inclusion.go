package app

import (
	"crypto/sha256"
	"sync/atomic"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// ForcedTxSource hands the block being built the forced-inclusion lane's
// transactions that are due (sequencer/lane.Queue on the sequencer; nothing
// on full nodes, which never build blocks). Take removes what it returns.
type ForcedTxSource interface {
	Take(maxBytes int64) [][]byte
}

// forcedSource is set once by milkywayd start on the sequencer, after the
// app is built (BaseApp's handlers must be set before it is sealed).
type forcedSource struct{ atomic.Pointer[ForcedTxSource] }

// SetForcedTxSource makes PrepareProposal put the source's transactions
// first in every block.
func (app *App) SetForcedTxSource(src ForcedTxSource) { app.forced.Store(&src) }

// setProposalHandlers installs the rollup's PrepareProposal and
// ProcessProposal.
//
// PrepareProposal (sequencer): forced transactions first, in DA order, then
// what the SDK's default handler selects from the mempool in the bytes
// left; a mempool copy of a forced transaction is dropped. Forced
// transactions are not checked: one that fails its ante handler or its Msg
// is still included and fails in the block with its code (ADR 004).
//
// ProcessProposal accepts every block: a block is valid because the
// sequencer signed it and the DA holds it, and a full node that rejected a
// block with a failing transaction in it (the SDK's default does, with an
// app-side mempool) could never follow the chain again.
func (app *App) setProposalHandlers(bApp *baseapp.BaseApp) {
	mempoolHandler := baseapp.NewDefaultProposalHandler(bApp.Mempool(), bApp).PrepareProposalHandler()
	bApp.SetPrepareProposal(func(ctx sdk.Context, req *abci.RequestPrepareProposal) (*abci.ResponsePrepareProposal, error) {
		src := app.forced.Load()
		if src == nil {
			return mempoolHandler(ctx, req)
		}
		forced := (*src).Take(req.MaxTxBytes)
		if len(forced) == 0 {
			return mempoolHandler(ctx, req)
		}
		inBlock := make(map[[32]byte]struct{}, len(forced))
		var size int64
		for _, tx := range forced {
			inBlock[sha256.Sum256(tx)] = struct{}{}
			size += int64(len(tx))
		}
		rest := *req
		rest.MaxTxBytes -= size
		rest.Txs = make([][]byte, 0, len(req.Txs))
		for _, tx := range req.Txs {
			if _, dup := inBlock[sha256.Sum256(tx)]; !dup {
				rest.Txs = append(rest.Txs, tx)
			}
		}
		resp, err := mempoolHandler(ctx, &rest)
		if err != nil {
			return nil, err
		}
		txs := append(forced, resp.Txs...)
		ctx.Logger().Info("forced transactions put in the block", "forced", len(forced), "txs", len(txs), "height", req.Height)
		return &abci.ResponsePrepareProposal{Txs: txs}, nil
	})
	bApp.SetProcessProposal(baseapp.NoOpProcessProposal())
}
