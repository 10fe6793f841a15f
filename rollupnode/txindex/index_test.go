package txindex_test

import (
	"context"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/libs/pubsub/query"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/rollkit/rollkit/state/txindex"
	"github.com/stretchr/testify/require"

	ours "github.com/milkyway-labs/milkyway-rollup/rollupnode/txindex"
)

func TestGetReturnsTheWrittenResult(t *testing.T) {
	results := sampleResults()
	ix, _ := indexBoth(t, results, 256)
	for _, r := range results {
		got, err := ix.Get(cmtypes.Tx(r.Tx).Hash())
		require.NoError(t, err)
		require.Equal(t, r, got)
	}
	got, err := ix.Get(cmtypes.Tx("never sent").Hash())
	require.NoError(t, err)
	require.Nil(t, got, "an unknown hash is not an error")
	_, err = ix.Get(nil)
	require.ErrorIs(t, err, txindex.ErrorEmptyHash)
}

// The node writes a block again after a crash (rollupnode.RepairIndex):
// nothing is then found twice.
func TestWritingABlockAgainChangesNothing(t *testing.T) {
	results := sampleResults()
	ix, _ := indexBoth(t, results, 4)
	require.NoError(t, ix.AddBatch(&txindex.Batch{Ops: results[:4]}))
	require.NoError(t, ix.Index(results[4]))
	got, err := ix.Search(context.Background(), query.MustCompile("tx.height = 1"))
	require.NoError(t, err)
	require.Len(t, got, 6)
	got, err = ix.Search(context.Background(), query.MustCompile("message.sender EXISTS"))
	require.NoError(t, err)
	require.Len(t, got, len(results))
}

func TestIndexedHeightSurvivesAReopen(t *testing.T) {
	dir := t.TempDir()
	ix, err := ours.Open(dir)
	require.NoError(t, err)
	h, err := ix.IndexedHeight()
	require.NoError(t, err)
	require.Zero(t, h, "a new index")
	require.NoError(t, ix.SetIndexedHeight(42))
	require.NoError(t, ix.Close())

	ix, err = ours.Open(dir)
	require.NoError(t, err)
	defer ix.Close()
	h, err = ix.IndexedHeight()
	require.NoError(t, err)
	require.EqualValues(t, 42, h)
}

// A query that reaches the node while it stops gets an error, not a
// crash on a closed store.
func TestAClosedIndexAnswersThatItIsClosed(t *testing.T) {
	ix, err := ours.Open(t.TempDir())
	require.NoError(t, err)
	require.NoError(t, ix.Close())
	require.NoError(t, ix.Close(), "a second close is harmless")
	_, err = ix.Get([]byte{1})
	require.ErrorIs(t, err, ours.ErrClosed)
	_, err = ix.Search(context.Background(), query.MustCompile("tx.height = 1"))
	require.ErrorIs(t, err, ours.ErrClosed)
	require.ErrorIs(t, ix.AddBatch(&txindex.Batch{Ops: []*abci.TxResult{{Height: 1, Tx: []byte("t")}}}), ours.ErrClosed)
	require.ErrorIs(t, ix.SetIndexedHeight(1), ours.ErrClosed)
	_, err = ix.IndexedHeight()
	require.ErrorIs(t, err, ours.ErrClosed)
}

func TestOpenNamesTheDirectoryItCannotOpen(t *testing.T) {
	dir := t.TempDir()
	ix, err := ours.Open(dir)
	require.NoError(t, err)
	defer ix.Close()
	_, err = ours.Open(dir) // badger's directory lock
	require.ErrorContains(t, err, dir)
}

// The same tx included again and refused (its sequence spent) leaves the
// successful result in place, as CometBFT's kv index does.
func TestAFailedRepeatDoesNotHideASuccess(t *testing.T) {
	ix, err := ours.Open(t.TempDir())
	require.NoError(t, err)
	defer ix.Close()
	tx := cmtypes.Tx("send once")
	ok := &abci.TxResult{Height: 1, Tx: tx, Result: abci.ExecTxResult{Code: 0, Log: "ok"}}
	failed := &abci.TxResult{Height: 2, Tx: tx, Result: abci.ExecTxResult{Code: 32, Log: "account sequence mismatch"}}
	require.NoError(t, ix.AddBatch(&txindex.Batch{Ops: []*abci.TxResult{ok}}))
	require.NoError(t, ix.AddBatch(&txindex.Batch{Ops: []*abci.TxResult{failed}}))
	got, err := ix.Get(tx.Hash())
	require.NoError(t, err)
	require.Equal(t, ok, got)

	// Left out of a batch, the repeat takes nothing else with it.
	after := &abci.TxResult{Height: 2, Index: 1, Tx: cmtypes.Tx("sent after")}
	require.NoError(t, ix.AddBatch(&txindex.Batch{Ops: []*abci.TxResult{failed, after}}))
	got, err = ix.Get(tx.Hash())
	require.NoError(t, err)
	require.Equal(t, ok, got)
	got, err = ix.Get(cmtypes.Tx(after.Tx).Hash())
	require.NoError(t, err)
	require.Equal(t, after, got)

	// A failure first is replaced by a later success.
	other := cmtypes.Tx("retried")
	require.NoError(t, ix.Index(&abci.TxResult{Height: 3, Tx: other, Result: abci.ExecTxResult{Code: 5}}))
	require.NoError(t, ix.Index(&abci.TxResult{Height: 4, Tx: other}))
	got, err = ix.Get(other.Hash())
	require.NoError(t, err)
	require.EqualValues(t, 4, got.Height)
}
