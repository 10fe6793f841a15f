package rollupnode

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtypes "github.com/cometbft/cometbft/types"
	ds "github.com/ipfs/go-datastore"
	"github.com/rollkit/rollkit/state/indexer"
	"github.com/rollkit/rollkit/state/txindex"
	"github.com/rollkit/rollkit/store"
)

// IndexRepair says which heights RepairIndex indexed again.
type IndexRepair struct {
	From, To uint64 // inclusive; From > To means nothing was missing
}

// Repaired reports whether any height was indexed again.
func (r IndexRepair) Repaired() bool { return r.From <= r.To }

// RepairIndex indexes again the blocks a crash left out of the transaction
// and block-event indexes, before the node starts.
//
// Rollkit v0.13.6 indexes asynchronously: the block executor publishes a
// block's events once the app has committed it, and the indexer service
// writes them from its own goroutine, block events first, then the block's
// transactions. A SIGKILL after rollkit has saved its state but before that
// goroutine has written leaves a committed block whose transactions
// `/tx?hash=` and `tx_search` never find, and nothing indexes it later:
// a wallet polling for its transaction waits forever.
//
// The index is written in height order, so only the top indexed height can
// be partial and every height above it is missing. RepairIndex finds the
// highest height the block indexer has, at or below rollkit's state height,
// and rebuilds that height and every one above it from the blocks and the
// FinalizeBlock responses rollkit keeps. Indexing is idempotent: rewriting
// a complete height changes nothing. The same fills in the blocks a node
// executed with indexing turned off ([tx_index] indexer = "null") once it
// is turned back on.
func RepairIndex(ctx context.Context, st store.Store, txs txindex.TxIndexer, blocks indexer.BlockIndexer, logger log.Logger) (IndexRepair, error) {
	state, err := st.GetState(ctx)
	if errors.Is(err, ds.ErrNotFound) {
		return IndexRepair{From: 1}, nil // new node: nothing committed yet
	}
	if err != nil {
		return IndexRepair{}, err
	}
	top, bottom := state.LastBlockHeight, max(state.InitialHeight, 1)
	first := top + 1 // lowest height from which every height is missing
	for first > bottom {
		has, err := blocks.Has(int64(first - 1))
		if err != nil {
			return IndexRepair{}, fmt.Errorf("reading the block index at height %d: %w", first-1, err)
		}
		if has {
			break
		}
		first--
	}
	// A tx index in a store of its own may be further behind: new (an
	// upgrade from rollkit's index), or its own writes cut off.
	if m, ok := txs.(heightMarking); ok {
		h, err := m.IndexedHeight()
		if err != nil {
			return IndexRepair{}, fmt.Errorf("reading the height of the transaction index: %w", err)
		}
		first = max(min(first, uint64(h)+1), bottom)
	}
	// The highest indexed height may have lost its transactions: rewrite it.
	from := first
	if first > bottom {
		from = first - 1
	}
	for h := from; h <= top; h++ {
		if err := indexHeight(ctx, st, txs, blocks, h); err != nil {
			return IndexRepair{}, err
		}
	}
	repair := IndexRepair{From: first, To: top}
	if repair.Repaired() {
		logger.Warn("indexed committed blocks missing from the transaction index (a crash, indexing turned off, or a new index)", "from", first, "to", top)
	}
	return repair, nil
}

// indexHeight writes one committed block into both indexes as the Indexer
// does from the block's published events: its txs in chunks, as one
// badger transaction does not take a block of a couple of thousand.
func indexHeight(ctx context.Context, st store.Store, txs txindex.TxIndexer, blocks indexer.BlockIndexer, height uint64) error {
	block, err := st.GetBlock(ctx, height)
	if err != nil {
		return fmt.Errorf("reading block %d to index it: %w", height, err)
	}
	resp, err := st.GetBlockResponses(ctx, height)
	if err != nil {
		return fmt.Errorf("reading the results of block %d to index it: %w", height, err)
	}
	if len(resp.TxResults) != len(block.Data.Txs) {
		return fmt.Errorf("block %d has %d txs but %d results", height, len(block.Data.Txs), len(resp.TxResults))
	}
	results := make([]*abci.TxResult, len(block.Data.Txs))
	for i, tx := range block.Data.Txs {
		results[i] = &abci.TxResult{Height: int64(height), Index: uint32(i), Tx: tx, Result: *resp.TxResults[i]}
	}
	if err := blocks.Index(cmtypes.EventDataNewBlockEvents{
		Height: int64(height), Events: resp.Events, NumTxs: int64(len(block.Data.Txs)),
	}); err != nil {
		return fmt.Errorf("indexing the events of block %d: %w", height, err)
	}
	if err := writeTxs(txs, results, indexChunkTxs); err != nil {
		return fmt.Errorf("indexing the txs of block %d: %w", height, err)
	}
	if err := markIndexed(txs, int64(height)); err != nil {
		return fmt.Errorf("recording block %d as indexed: %w", height, err)
	}
	return nil
}
