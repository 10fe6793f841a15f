package rollupnode

import (
	"context"
	"testing"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtypes "github.com/cometbft/cometbft/types"
	blockidxkv "github.com/rollkit/rollkit/state/indexer/block/kv"
	txidxkv "github.com/rollkit/rollkit/state/txindex/kv"
	"github.com/rollkit/rollkit/store"
	"github.com/rollkit/rollkit/types"
	"github.com/stretchr/testify/require"
)

// A block of 3,000 restake-like txs is more than one badger transaction
// takes. RepairIndex used to write a block's txs in one, so a node whose
// top block was that big could not start after a crash, nor after running
// with the index off ("Txn is too big to fit into one request", seen on
// issue 15's replayed chain). It writes them in chunks, as the Indexer.
func TestRepairIndexWritesBlocksTooBigForOneBadgerTransaction(t *testing.T) {
	ctx := context.Background()
	kv, err := store.NewDefaultKVStore(t.TempDir(), "data", "rollkit")
	require.NoError(t, err)
	t.Cleanup(func() { _ = kv.Close() })
	st := store.New(kv)
	txs, blocks := txidxkv.NewTxIndex(ctx, kv), blockidxkv.New(ctx, kv)

	const n = 3000
	block := types.GetRandomBlock(1, n)
	_, like := bigBlock(1, n)
	resp := &abci.ResponseFinalizeBlock{}
	for i := range block.Data.Txs {
		resp.TxResults = append(resp.TxResults, &like[i].Result)
	}
	require.NoError(t, st.SaveBlock(ctx, block, &block.SignedHeader.Signature))
	require.NoError(t, st.SaveBlockResponses(ctx, 1, resp))
	vals := types.GetRandomValidatorSet()
	require.NoError(t, st.UpdateState(ctx, types.State{InitialHeight: 1, LastBlockHeight: 1, Validators: vals, NextValidators: vals, LastValidators: vals}))

	repair, err := RepairIndex(ctx, st, txs, blocks, log.NewNopLogger())
	require.NoError(t, err)
	require.Equal(t, IndexRepair{From: 1, To: 1}, repair)
	for i, tx := range block.Data.Txs {
		got, err := txs.Get(cmtypes.Tx(tx).Hash())
		require.NoError(t, err)
		require.NotNil(t, got, "tx %d", i)
		require.Equal(t, uint32(i), got.Index)
	}
}
