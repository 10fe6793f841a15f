package cometrpc

import (
	"context"
	"errors"
	"net/http/httptest"
	"testing"

	rpcclient "github.com/cometbft/cometbft/rpc/client"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	"github.com/stretchr/testify/require"
)

// tipClient is a node whose newest height is counted before its results
// are stored, as a rollkit sequencer's is for a moment after each block.
type tipClient struct {
	rpcclient.Client
	latest, stored int64
}

func (c tipClient) Status(context.Context) (*ctypes.ResultStatus, error) {
	return &ctypes.ResultStatus{SyncInfo: ctypes.SyncInfo{LatestBlockHeight: c.latest}}, nil
}

func (c tipClient) BlockResults(_ context.Context, h *int64) (*ctypes.ResultBlockResults, error) {
	if *h > c.stored {
		return nil, errors.New("failed to retrieve block results from height: datastore: key not found")
	}
	return &ctypes.ResultBlockResults{Height: *h}, nil
}

func TestBlockResultsAtTheTipAnswersTheNewestStored(t *testing.T) {
	s := New(tipClient{latest: 6, stored: 5}, "tcp://127.0.0.1:26657", nil)
	ctx := &rpctypes.Context{HTTPReq: httptest.NewRequest("POST", "/", nil)}

	res, err := s.blockResults(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, int64(5), res.Height, "no height asked: the newest block with stored results")

	six := int64(6)
	_, err = s.blockResults(ctx, &six)
	require.ErrorContains(t, err, "not found", "an explicit height gets the node's own answer")
}
