package mockda

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestServesOnlyTheAPI: go-jsonrpc serves every exported method of a
// registered value, so lifecycle methods must not leak, and the go-da
// dialect (da.*) is gone, as from celestia-node v0.32.
func TestServesOnlyTheAPI(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	for _, m := range []string{
		"da.MaxBlobSize", "da.Submit", "da.GetIDs",
		"blob.Stop", "blob.Start", "header.Header", "header.Height", "node.Addr", "state.Stop",
	} {
		a := call(t, s, request(t, m))
		require.NotNil(t, a.Error, m)
		require.Equal(t, -32601, a.Error.Code, m)
		require.Equal(t, "method '"+m+"' not found", a.Error.Message)
	}
}

func TestNodeAndState(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ctx := context.Background()
	c := client(s)
	info, err := c.Info(ctx)
	require.NoError(t, err)
	require.Equal(t, mockNodeType, info.Type)
	bal, err := c.Balance(ctx)
	require.NoError(t, err)
	require.Equal(t, "utia", bal.Denom)

	head, err := c.NetworkHead(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(1), head.Height, "block 1 exists from the start")
	require.Equal(t, mockChainID, head.ChainID)

	// data_hash is the block's data root.
	a := call(t, s, request(t, "header.GetByHeight", 1))
	var eh ExtendedHeader
	require.NoError(t, json.Unmarshal(a.Result, &eh))
	hdr, err := s.Header(1)
	require.NoError(t, err)
	require.Equal(t, upperHex(hdr.DataRoot), eh.Header.DataHash)
	require.Equal(t, "1", eh.Header.Height)
}

func TestWaitForHeightEndsAtStop(t *testing.T) {
	s, err := New(Config{DataDir: t.TempDir(), ListenAddress: "127.0.0.1:0", BlockTime: manualBlockTime}, nil)
	require.NoError(t, err)
	require.NoError(t, s.Start(context.Background()))
	done := make(chan error, 1)
	go func() {
		_, err := client(s).WaitForHeight(context.Background(), 100)
		done <- err
	}()
	time.Sleep(100 * time.Millisecond) // let the request reach the server
	require.NoError(t, s.Stop())
	require.Error(t, <-done)
}
