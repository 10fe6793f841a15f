package rollupnode

import (
	"context"
	"fmt"
	"sync"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/rollkit/rollkit/state/indexer"
	"github.com/rollkit/rollkit/state/txindex"
)

// indexerSubscriber names the Indexer's event-bus subscriptions.
const indexerSubscriber = "milkyway-indexer"

// indexChunkTxs is how many transactions one index write holds at most.
// With badger's own options one badger transaction took no block of
// ~1,800 restakes or more (each has ~30 indexed event attributes) in
// issue 15's load, which made blocks of up to 4,000; with this node's
// (badger_options.go) the limit is near 3,000. A 256-tx chunk is well
// under either.
const indexChunkTxs = 256

// Indexer writes each block's events to rollkit's block-event index and
// its transactions to the node's tx index (txindex/; what /tx, /tx_search
// and /block_search read), then records the block as indexed. It takes the
// place of rollkit v0.13.6's IndexerService, which has two faults under
// load:
//
//   - it writes a block's transactions in one badger transaction, and a
//     block of a couple of thousand transactions is more than badger takes
//     ("Txn is too big to fit into one request"): none of that block's
//     transactions can then be found by hash, by anyone, ever;
//   - its events arrive on unbuffered subscriptions and it writes between
//     receiving them, so each block's execution waits for the previous
//     block's index write; and rollkit stops it before it stops executing
//     blocks: a node stopped while it syncs hangs in its next block's event
//     publish.
//
// The Indexer receives each block whole, in one message (the NewBlock
// event, which carries the block's results), on one goroutine and writes
// on another, a few blocks apart at most, and writes a block's
// transactions in chunks (halving a chunk badger refuses). Its Stop
// unsubscribes first, so the node's stop never waits on it; the blocks
// the node executes after that are indexed at the next start
// (RepairIndex), as after a crash.
type Indexer struct {
	bus    *cmtypes.EventBus
	txs    txindex.TxIndexer
	blocks indexer.BlockIndexer
	logger log.Logger
	chunk  int
	failed bool // a block failed to index: the recorded height stays below it

	cancel context.CancelFunc
	done   sync.WaitGroup
}

// StartIndexer subscribes to bus and indexes from then on. Start it before
// the node executes blocks.
func StartIndexer(bus *cmtypes.EventBus, txs txindex.TxIndexer, blocks indexer.BlockIndexer, logger log.Logger) (*Indexer, error) {
	ctx, cancel := context.WithCancel(context.Background())
	// Unbuffered, as rollkit's: a buffered subscription that falls behind
	// is cancelled by the bus, and the index would silently stop. One
	// message per block, which carries its transactions and their results:
	// the bus matches every message against each distinct query, and
	// hands each matched one over in turn, so a subscription to every
	// transaction costs the executing goroutine a hand-over per
	// transaction (issue 15's replay profile).
	sub, err := bus.SubscribeUnbuffered(ctx, indexerSubscriber, cmtypes.EventQueryNewBlock)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("subscribing the indexer to blocks: %w", err)
	}
	ix := &Indexer{bus: bus, txs: txs, blocks: blocks, logger: logger, chunk: indexChunkTxs, cancel: cancel}
	queue := make(chan indexedBlock, indexQueueBlocks)
	ix.done.Add(2)
	go func() {
		defer ix.done.Done()
		defer close(queue)
		ix.receive(ctx, sub, queue)
	}()
	go func() {
		defer ix.done.Done()
		for b := range queue {
			ix.index(b)
		}
	}()
	return ix, nil
}

// indexQueueBlocks is how many received blocks may wait for their write.
// The bus hands events over only when they are received, so without the
// queue a block's execution would wait for the previous block's index
// write (a few hundred ms for 2,000 txs); a writer this far behind slows
// the node down rather than growing without bound.
const indexQueueBlocks = 8

// indexedBlock is one block's events as the bus delivered them.
type indexedBlock struct {
	events  cmtypes.EventDataNewBlockEvents
	results []*abci.TxResult
	missing bool // fewer results than transactions: nothing to index them by
}

// Stop ends indexing, after writing every block already received. Call it
// before the node's Stop, which closes the store the index is in.
func (ix *Indexer) Stop() {
	// Unsubscribe while receive still reads: the bus may be handing it an
	// event, and would otherwise wait for a reader forever.
	if err := ix.bus.UnsubscribeAll(context.Background(), indexerSubscriber); err != nil && ix.bus.IsRunning() {
		ix.logger.Error("unsubscribing the indexer", "err", err)
	}
	ix.cancel()
	ix.done.Wait()
}

// receive queues blocks as the bus delivers them.
func (ix *Indexer) receive(ctx context.Context, sub cmtypes.Subscription, queue chan<- indexedBlock) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-sub.Canceled():
			return
		case msg := <-sub.Out():
			// Not also selecting ctx.Done: a stop must not drop a block
			// received whole. The writer drains the queue until it is
			// closed, so this waits at most for its current writes.
			queue <- blockToIndex(msg.Data().(cmtypes.EventDataNewBlock))
		}
	}
}

// blockToIndex is what the index keeps of a block: its events, and each
// transaction with its result, as the executor publishes them one by one.
func blockToIndex(b cmtypes.EventDataNewBlock) indexedBlock {
	res := b.ResultFinalizeBlock
	out := indexedBlock{events: cmtypes.EventDataNewBlockEvents{Events: res.Events}}
	if b.Block == nil {
		return out
	}
	out.events.Height = b.Block.Height
	out.events.NumTxs = int64(len(b.Block.Txs))
	out.results = make([]*abci.TxResult, 0, len(b.Block.Txs))
	for i, tx := range b.Block.Txs {
		if i >= len(res.TxResults) || res.TxResults[i] == nil {
			out.missing = true
			break
		}
		out.results = append(out.results, &abci.TxResult{Height: b.Block.Height, Index: uint32(i), Tx: tx, Result: *res.TxResults[i]})
	}
	return out
}

// index writes one block. A failure is logged with the height and the
// block is not retried in this run.
func (ix *Indexer) index(b indexedBlock) {
	block, results := b.events, b.results
	ok := !b.missing
	if b.missing {
		ix.logger.Error("block has fewer results than transactions; not indexing its transactions", "height", block.Height, "num_txs", block.NumTxs)
	}
	if err := ix.blocks.Index(block); err != nil {
		ok = false
		ix.logger.Error("failed to index block events", "height", block.Height, "err", err)
	}
	if err := writeTxs(ix.txs, results, ix.chunk); err != nil {
		ok = false
		ix.logger.Error("failed to index block txs", "height", block.Height, "num_txs", len(results), "err", err)
	}
	// The recorded height promises every block up to it is written: after
	// a failure it stays below the failed block for the rest of the run,
	// and RepairIndex writes from there at the next start.
	ix.failed = ix.failed || !ok
	if ix.failed {
		return
	}
	if err := markIndexed(ix.txs, block.Height); err != nil {
		ix.failed = true
		ix.logger.Error("failed to record the indexed height", "height", block.Height, "err", err)
	}
}

// heightMarking is a tx index that records the height it is written to
// (rollupnode/txindex, in a store of its own). Rollkit's kv index, in the
// block store, does not: RepairIndex then goes by the block-event index.
type heightMarking interface {
	IndexedHeight() (int64, error)
	SetIndexedHeight(height int64) error
}

// markIndexed records that height's transactions are all written.
func markIndexed(txs txindex.TxIndexer, height int64) error {
	if m, ok := txs.(heightMarking); ok {
		return m.SetIndexedHeight(height)
	}
	return nil
}

// writeTxs writes results to txs a chunk at a time; a chunk the store
// refuses (too big for one transaction) is written in halves. Each write
// is atomic and indexing is idempotent, so a retried half never
// duplicates anything. The Indexer and RepairIndex both write this way.
func writeTxs(txs txindex.TxIndexer, results []*abci.TxResult, chunk int) error {
	for len(results) > 0 {
		n := min(chunk, len(results))
		if err := writeHalving(txs, results[:n]); err != nil {
			return err
		}
		results = results[n:]
	}
	return nil
}

func writeHalving(txs txindex.TxIndexer, results []*abci.TxResult) error {
	// Not NewBatch and Add: Add places a result at its index in the block.
	err := txs.AddBatch(&txindex.Batch{Ops: results})
	if err == nil || len(results) == 1 {
		return err
	}
	half := len(results) / 2
	if err := writeHalving(txs, results[:half]); err != nil {
		return err
	}
	return writeHalving(txs, results[half:])
}
