package cometrpc

import (
	"context"
	"testing"

	rpcclient "github.com/cometbft/cometbft/rpc/client"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	"github.com/stretchr/testify/require"
)

// indexedClient answers the index calls as a node with an index would,
// and Status, to show what is not about the index still reaches it.
type indexedClient struct{ rpcclient.Client }

func (indexedClient) Tx(context.Context, []byte, bool) (*ctypes.ResultTx, error) {
	return &ctypes.ResultTx{Height: 7}, nil
}

func (indexedClient) TxSearch(context.Context, string, bool, *int, *int, string) (*ctypes.ResultTxSearch, error) {
	return &ctypes.ResultTxSearch{TotalCount: 1}, nil
}

func (indexedClient) BlockSearch(context.Context, string, *int, *int, string) (*ctypes.ResultBlockSearch, error) {
	return &ctypes.ResultBlockSearch{TotalCount: 1}, nil
}

func (indexedClient) Status(context.Context) (*ctypes.ResultStatus, error) {
	return &ctypes.ResultStatus{SyncInfo: ctypes.SyncInfo{LatestBlockHeight: 9}}, nil
}

// A node that keeps no index says so, in CometBFT's words, rather than
// answering "not found" from the index it stopped writing.
func TestUnindexedNodeSaysIndexingIsDisabled(t *testing.T) {
	ctx := context.Background()
	c := Unindexed(indexedClient{})

	res, err := c.Tx(ctx, []byte{1}, false)
	require.ErrorIs(t, err, ErrTxIndexingDisabled)
	require.Nil(t, res)
	require.EqualError(t, err, "transaction indexing is disabled")

	found, err := c.TxSearch(ctx, "tx.height=7", false, nil, nil, "")
	require.ErrorIs(t, err, ErrTxIndexingDisabled)
	require.Nil(t, found)

	blocks, err := c.BlockSearch(ctx, "block.height=7", nil, nil, "")
	require.ErrorIs(t, err, ErrBlockIndexingDisabled)
	require.Nil(t, blocks)
	require.EqualError(t, err, "block indexing is disabled")

	st, err := c.Status(ctx)
	require.NoError(t, err)
	require.EqualValues(t, 9, st.SyncInfo.LatestBlockHeight)
}
