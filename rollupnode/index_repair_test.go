package rollupnode_test

import (
	"context"
	"testing"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtypes "github.com/cometbft/cometbft/types"
	blockidx "github.com/rollkit/rollkit/state/indexer/block/kv"
	"github.com/rollkit/rollkit/state/txindex"
	txidx "github.com/rollkit/rollkit/state/txindex/kv"
	"github.com/rollkit/rollkit/store"
	"github.com/rollkit/rollkit/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/rollupnode"
	ourtxindex "github.com/milkyway-labs/milkyway-rollup/rollupnode/txindex"
)

// indexedChain is a rollkit store with committed blocks and the two
// indexes a node keeps, as a crash can leave them.
type indexedChain struct {
	store  store.Store
	txs    txindex.TxIndexer
	blocks *blockidx.BlockerIndexer
	chain  []*types.Block
}

// newIndexedChain commits n blocks of two txs each into rollkit's store
// (block, FinalizeBlock responses, state at n) and indexes the first
// `indexed` of them the way rollkit's indexer service does.
func newIndexedChain(t *testing.T, n, indexed int) *indexedChain {
	t.Helper()
	ctx := context.Background()
	kv, err := store.NewDefaultInMemoryKVStore()
	require.NoError(t, err)
	c := &indexedChain{
		store:  store.New(kv),
		txs:    txidx.NewTxIndex(ctx, kv),
		blocks: blockidx.New(ctx, kv),
	}
	for h := 1; h <= n; h++ {
		block := types.GetRandomBlock(uint64(h), 2)
		resp := &abci.ResponseFinalizeBlock{Events: []abci.Event{{Type: "transfer", Attributes: []abci.EventAttribute{{Key: "height", Value: "x", Index: true}}}}}
		for range block.Data.Txs {
			resp.TxResults = append(resp.TxResults, &abci.ExecTxResult{Code: 0, Log: "ok"})
		}
		require.NoError(t, c.store.SaveBlock(ctx, block, &block.SignedHeader.Signature))
		require.NoError(t, c.store.SaveBlockResponses(ctx, uint64(h), resp))
		if h <= indexed {
			c.index(t, block, resp)
		}
		c.chain = append(c.chain, block)
	}
	require.NoError(t, c.store.UpdateState(ctx, stateAt(uint64(n))))
	return c
}

// stateAt is rollkit's state after height (it cannot be stored without a
// validator set).
func stateAt(height uint64) types.State {
	vals := types.GetRandomValidatorSet()
	return types.State{InitialHeight: 1, LastBlockHeight: height, Validators: vals, NextValidators: vals, LastValidators: vals}
}

func (c *indexedChain) index(t *testing.T, block *types.Block, resp *abci.ResponseFinalizeBlock) {
	h := int64(block.Height())
	require.NoError(t, c.blocks.Index(cmtypes.EventDataNewBlockEvents{Height: h, Events: resp.Events, NumTxs: int64(len(block.Data.Txs))}))
	batch := txindex.NewBatch(int64(len(block.Data.Txs)))
	for i, tx := range block.Data.Txs {
		require.NoError(t, batch.Add(&abci.TxResult{Height: h, Index: uint32(i), Tx: tx, Result: *resp.TxResults[i]}))
	}
	require.NoError(t, c.txs.AddBatch(batch))
}

// requireAllIndexed checks every tx of every committed block is found by
// hash at its height and index, and every height is in the block index.
func (c *indexedChain) requireAllIndexed(t *testing.T) {
	t.Helper()
	for _, block := range c.chain {
		has, err := c.blocks.Has(int64(block.Height()))
		require.NoError(t, err)
		require.True(t, has, "height %d missing from the block index", block.Height())
		for i, tx := range block.Data.Txs {
			res, err := c.txs.Get(cmtypes.Tx(tx).Hash())
			require.NoError(t, err)
			require.NotNil(t, res, "tx %d of block %d missing from the tx index", i, block.Height())
			require.Equal(t, int64(block.Height()), res.Height)
			require.Equal(t, uint32(i), res.Index)
		}
	}
}

func TestRepairIndex(t *testing.T) {
	for _, tc := range []struct {
		name              string
		blocks, indexed   int
		wantFrom, wantTo  uint64
		wantRepaired      bool
		dropTopIndexedTxs bool
	}{
		{name: "index complete", blocks: 5, indexed: 5, wantFrom: 6, wantTo: 5},
		{name: "killed before the last block was indexed", blocks: 5, indexed: 4, wantFrom: 5, wantTo: 5, wantRepaired: true},
		{name: "several blocks behind", blocks: 8, indexed: 3, wantFrom: 4, wantTo: 8, wantRepaired: true},
		{name: "nothing indexed", blocks: 3, indexed: 0, wantFrom: 1, wantTo: 3, wantRepaired: true},
		{name: "killed between block events and txs", blocks: 4, indexed: 4, wantFrom: 5, wantTo: 4, dropTopIndexedTxs: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newIndexedChain(t, tc.blocks, tc.indexed)
			if tc.dropTopIndexedTxs {
				// The block events of the top height are written, its txs
				// are not: a fresh tx index holds only the heights below.
				kv, err := store.NewDefaultInMemoryKVStore()
				require.NoError(t, err)
				c.txs = txidx.NewTxIndex(context.Background(), kv)
				for _, b := range c.chain[:tc.indexed-1] {
					resp, err := c.store.GetBlockResponses(context.Background(), b.Height())
					require.NoError(t, err)
					c.index(t, b, resp)
				}
			}
			repair, err := rollupnode.RepairIndex(context.Background(), c.store, c.txs, c.blocks, log.NewNopLogger())
			require.NoError(t, err)
			require.Equal(t, rollupnode.IndexRepair{From: tc.wantFrom, To: tc.wantTo}, repair)
			require.Equal(t, tc.wantRepaired, repair.Repaired())
			c.requireAllIndexed(t)
		})
	}
}

func TestRepairIndexOnANewNode(t *testing.T) {
	kv, err := store.NewDefaultInMemoryKVStore()
	require.NoError(t, err)
	ctx := context.Background()
	repair, err := rollupnode.RepairIndex(ctx, store.New(kv), txidx.NewTxIndex(ctx, kv), blockidx.New(ctx, kv), log.NewNopLogger())
	require.NoError(t, err)
	require.False(t, repair.Repaired())
}

func TestRepairIndexFailsOnAMissingBlock(t *testing.T) {
	c := newIndexedChain(t, 3, 1)
	ctx := context.Background()
	require.NoError(t, c.store.UpdateState(ctx, stateAt(4)))
	_, err := rollupnode.RepairIndex(ctx, c.store, c.txs, c.blocks, log.NewNopLogger())
	require.ErrorContains(t, err, "reading block 4 to index it")
}

// useOwnTxIndex swaps the chain's tx index for an empty one of the node's
// own (rollupnode/txindex), as an upgraded node opens it.
func (c *indexedChain) useOwnTxIndex(t *testing.T) *ourtxindex.Index {
	ours, err := ourtxindex.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, ours.Close()) })
	c.txs = ours
	return ours
}

// An upgraded node opens this node's own tx index (rollupnode/txindex)
// empty, over a chain rollkit's index holds whole: every height is
// indexed into it at the first start.
func TestRepairIndexFillsANewTxIndex(t *testing.T) {
	c := newIndexedChain(t, 6, 6)
	ours := c.useOwnTxIndex(t)
	repair, err := rollupnode.RepairIndex(context.Background(), c.store, c.txs, c.blocks, log.NewNopLogger())
	require.NoError(t, err)
	require.Equal(t, rollupnode.IndexRepair{From: 1, To: 6}, repair)
	c.requireAllIndexed(t)
	h, err := ours.IndexedHeight()
	require.NoError(t, err)
	require.EqualValues(t, 6, h)
}

// Its own height says where it stops when it is behind the block-event
// index (its store is not rollkit's): the repair starts just above it.
func TestRepairIndexResumesWhereTheTxIndexStops(t *testing.T) {
	c := newIndexedChain(t, 6, 6)
	ours := c.useOwnTxIndex(t)
	for _, b := range c.chain[:3] {
		resp, err := c.store.GetBlockResponses(context.Background(), b.Height())
		require.NoError(t, err)
		c.index(t, b, resp)
	}
	require.NoError(t, ours.SetIndexedHeight(3))
	repair, err := rollupnode.RepairIndex(context.Background(), c.store, c.txs, c.blocks, log.NewNopLogger())
	require.NoError(t, err)
	require.Equal(t, rollupnode.IndexRepair{From: 4, To: 6}, repair)
	c.requireAllIndexed(t)
}
