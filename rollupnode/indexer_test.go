package rollupnode

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtlog "github.com/cometbft/cometbft/libs/log"
	"github.com/cometbft/cometbft/libs/pubsub/query"
	cmtypes "github.com/cometbft/cometbft/types"
	blockidxkv "github.com/rollkit/rollkit/state/indexer/block/kv"
	"github.com/rollkit/rollkit/state/txindex"
	txidxkv "github.com/rollkit/rollkit/state/txindex/kv"
	"github.com/rollkit/rollkit/store"
	"github.com/stretchr/testify/require"

	ourtxindex "github.com/milkyway-labs/milkyway-rollup/rollupnode/txindex"
)

// indexes opens rollkit's transaction and block indexes on a real badger
// store, as a node does.
func indexes(t *testing.T) (*txidxkv.TxIndex, *blockidxkv.BlockerIndexer) {
	t.Helper()
	kv, err := store.NewDefaultKVStore(t.TempDir(), "data", "index")
	require.NoError(t, err)
	t.Cleanup(func() { _ = kv.Close() })
	return txidxkv.NewTxIndex(context.Background(), kv), blockidxkv.New(context.Background(), kv)
}

func startedBus(t *testing.T) *cmtypes.EventBus {
	t.Helper()
	bus := cmtypes.NewEventBus()
	require.NoError(t, bus.Start())
	t.Cleanup(func() { _ = bus.Stop() })
	return bus
}

// bigBlock is a block of n transactions whose events look like a restake's
// (~30 indexed attributes each), published as rollkit's executor does:
// the block's events, then each transaction.
func bigBlock(height int64, n int) (cmtypes.EventDataNewBlockEvents, []abci.TxResult) {
	results := make([]abci.TxResult, n)
	for i := range results {
		var events []abci.Event
		for e := 0; e < 10; e++ {
			var attrs []abci.EventAttribute
			for a := 0; a < 3; a++ {
				attrs = append(attrs, abci.EventAttribute{Key: fmt.Sprintf("attr%d", a),
					Value: fmt.Sprintf("milk1%040d/%d", i, e), Index: true})
			}
			events = append(events, abci.Event{Type: fmt.Sprintf("event%d", e), Attributes: attrs})
		}
		results[i] = abci.TxResult{Height: height, Index: uint32(i), Tx: []byte(fmt.Sprintf("tx-%d-%0300d", height, i)),
			Result: abci.ExecTxResult{Events: events, Data: make([]byte, 1500)}}
	}
	return cmtypes.EventDataNewBlockEvents{Height: height, NumTxs: int64(n)}, results
}

// publish publishes a block as rollkit v0.13.6's executor does: the block
// with its results, its events, then each transaction.
func publish(t *testing.T, bus *cmtypes.EventBus, block cmtypes.EventDataNewBlockEvents, results []abci.TxResult) {
	t.Helper()
	require.NoError(t, bus.PublishEventNewBlock(newBlockEvent(block, results)))
	require.NoError(t, bus.PublishEventNewBlockEvents(block))
	for _, r := range results {
		require.NoError(t, bus.PublishEventTx(cmtypes.EventDataTx{TxResult: r}))
	}
}

// newBlockEvent is the NewBlock event of a block whose transactions had
// results.
func newBlockEvent(block cmtypes.EventDataNewBlockEvents, results []abci.TxResult) cmtypes.EventDataNewBlock {
	b := &cmtypes.Block{Header: cmtypes.Header{Height: block.Height}}
	res := abci.ResponseFinalizeBlock{Events: block.Events}
	for i := range results {
		b.Txs = append(b.Txs, results[i].Tx)
		res.TxResults = append(res.TxResults, &results[i].Result)
	}
	return cmtypes.EventDataNewBlock{Block: b, ResultFinalizeBlock: res}
}

// Issue 15's load made blocks of up to 4,000 transactions; rollkit's own
// indexer service fails to write a block of 3,000 restake-like ones at all
// (with this node's store options, badger_options.go; with badger's own,
// from under 2,000). The Indexer writes every transaction, and they are
// found by hash and by event.
func TestIndexerWritesBlocksTooBigForOneBadgerTransaction(t *testing.T) {
	block, results := bigBlock(7, 3000)

	t.Run("rollkit's indexer service loses the block", func(t *testing.T) {
		txs, blocks := indexes(t)
		bus := startedBus(t)
		svc := txindex.NewIndexerService(context.Background(), txs, blocks, bus, false)
		svc.SetLogger(cmtlog.NewNopLogger())
		require.NoError(t, svc.Start())
		publish(t, bus, block, results)
		waitIndexed(t, blocks, block.Height)
		// The block's events are written before its transactions fail;
		// publishing one more block is a barrier for that write.
		next, nextResults := bigBlock(8, 1)
		publish(t, bus, next, nextResults)
		waitIndexed(t, blocks, next.Height)
		got, err := txs.Get(cmtypes.Tx(results[0].Tx).Hash())
		require.NoError(t, err)
		require.Nil(t, got, "if rollkit indexes this block now, its service can replace Indexer")
	})

	txs, blocks := indexes(t)
	bus := startedBus(t)
	ix, err := StartIndexer(bus, txs, blocks, log.NewNopLogger())
	require.NoError(t, err)
	publish(t, bus, block, results)
	ix.Stop() // waits for the block's write

	for _, r := range results {
		got, err := txs.Get(cmtypes.Tx(r.Tx).Hash())
		require.NoError(t, err)
		require.NotNil(t, got, "tx %d", r.Index)
		require.Equal(t, r.Index, got.Index)
	}
	found, err := txs.Search(context.Background(), query.MustCompile(fmt.Sprintf("event3.attr1 = 'milk1%040d/3'", 1999)))
	require.NoError(t, err)
	require.Len(t, found, 1)
	require.Equal(t, uint32(1999), found[0].Index)
	has, err := blocks.Has(block.Height)
	require.NoError(t, err)
	require.True(t, has)
}

// A chunk the store refuses is written in halves.
func TestIndexerHalvesAChunkTheStoreRefuses(t *testing.T) {
	txs, _ := indexes(t)
	_, results := bigBlock(3, 2000)
	ptrs := make([]*abci.TxResult, len(results))
	for i := range results {
		ptrs[i] = &results[i]
	}
	require.NoError(t, writeTxs(txs, ptrs, len(results)))
	for _, r := range results {
		got, err := txs.Get(cmtypes.Tx(r.Tx).Hash())
		require.NoError(t, err)
		require.NotNil(t, got, "tx %d", r.Index)
	}
}

// Stop writes the blocks already received and leaves the bus free to
// publish: a node stopped while it syncs does not hang, and the blocks it
// executes after that are left to RepairIndex.
func TestIndexerStopWritesWhatItReceivedAndFreesTheBus(t *testing.T) {
	txs, blocks := indexes(t)
	bus := startedBus(t)
	ix, err := StartIndexer(bus, txs, blocks, log.NewNopLogger())
	require.NoError(t, err)
	block, results := bigBlock(4, 10)
	publish(t, bus, block, results)

	ix.Stop() // returns (rollkit's service, stopped in the middle of a block, hangs the node's stop)
	got, err := txs.Get(cmtypes.Tx(results[9].Tx).Hash())
	require.NoError(t, err)
	require.NotNil(t, got, "a block received before the stop is written")
	next, nextResults := bigBlock(5, 10)
	publish(t, bus, next, nextResults) // nobody subscribed: does not block
	has, err := blocks.Has(next.Height)
	require.NoError(t, err)
	require.False(t, has, "a block after the stop is left to RepairIndex")
}

// A block whose results are fewer than its transactions (no executor
// publishes one) indexes its events but records no height at or past it.
func TestIndexerRecordsNoHeightForABlockMissingResults(t *testing.T) {
	own, err := ourtxindex.Open(t.TempDir())
	require.NoError(t, err)
	defer own.Close()
	_, blocks := indexes(t)
	ix := &Indexer{txs: own, blocks: blocks, logger: log.NewNopLogger(), chunk: indexChunkTxs}
	ix.index(blockToIndex(newBlockEvent(bigBlock(1, 2))))
	event := newBlockEvent(bigBlock(2, 3))
	event.ResultFinalizeBlock.TxResults = event.ResultFinalizeBlock.TxResults[:2]
	ix.index(blockToIndex(event))
	height, err := own.IndexedHeight()
	require.NoError(t, err)
	require.EqualValues(t, 1, height)
}

// waitIndexed waits for the block indexer to have height.
func waitIndexed(t *testing.T, blocks *blockidxkv.BlockerIndexer, height int64) {
	t.Helper()
	require.Eventually(t, func() bool {
		has, err := blocks.Has(height)
		return err == nil && has
	}, time.Minute, 10*time.Millisecond)
}

// failingAt is the node's tx index refusing the txs of one height.
type failingAt struct {
	heightMarking
	txindex.TxIndexer
	height int64
}

func (f failingAt) AddBatch(b *txindex.Batch) error {
	if len(b.Ops) > 0 && b.Ops[0].Height == f.height {
		return errors.New("disk full")
	}
	return f.TxIndexer.AddBatch(b)
}

// After a block fails to index, the recorded height stays below it, so
// the next start's RepairIndex writes it again, though later blocks were
// written.
func TestIndexerRecordsNoHeightPastAFailedBlock(t *testing.T) {
	own, err := ourtxindex.Open(t.TempDir())
	require.NoError(t, err)
	defer own.Close()
	_, blocks := indexes(t)
	ix := &Indexer{txs: failingAt{own, own, 2}, blocks: blocks, logger: log.NewNopLogger(), chunk: indexChunkTxs}
	for h := int64(1); h <= 3; h++ {
		res := &abci.TxResult{Height: h, Tx: cmtypes.Tx(fmt.Sprint("tx at ", h))}
		ix.index(indexedBlock{events: cmtypes.EventDataNewBlockEvents{Height: h, NumTxs: 1}, results: []*abci.TxResult{res}})
	}
	height, err := own.IndexedHeight()
	require.NoError(t, err)
	require.EqualValues(t, 1, height)
	got, err := own.Get(cmtypes.Tx("tx at 3").Hash())
	require.NoError(t, err)
	require.NotNil(t, got, "later blocks are still written")
}
