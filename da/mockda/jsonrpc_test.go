package mockda

import (
	"context"
	"encoding/binary"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/rollkit/go-da/proxy/jsonrpc"
	"github.com/stretchr/testify/require"
)

// TestJSONRPC drives the server through go-da's JSON-RPC client, the path
// rollkit uses with --rollkit.da_address.
func TestJSONRPC(t *testing.T) {
	s := startServer(t, t.TempDir(), fastBlockTime, 0)
	ctx := context.Background()
	client, err := jsonrpc.NewClient(ctx, "http://"+s.Addr(), "")
	require.NoError(t, err)
	t.Cleanup(client.Close)
	api := &client.DA
	ns := testNamespace(t, 7)
	data := [][]byte{[]byte("rollup block 1"), randomBytes(t, 20_000)}

	size, err := api.MaxBlobSize(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(DefaultMaxBlobSize), size)
	require.Equal(t, uint64(1974272), size)

	ids, err := api.Submit(ctx, data, -1, ns)
	require.NoError(t, err)
	require.Len(t, ids, 2)
	height := binary.LittleEndian.Uint64(ids[0])
	require.GreaterOrEqual(t, height, uint64(1))

	commitments, err := api.Commit(ctx, data, ns)
	require.NoError(t, err)
	require.Equal(t, ids[0][8:], commitments[0])

	gotIDs, err := api.GetIDs(ctx, height, ns)
	require.NoError(t, err)
	require.Equal(t, ids, gotIDs)
	blobs, err := api.Get(ctx, ids, ns)
	require.NoError(t, err)
	require.Equal(t, data, blobs)

	proofs, err := api.GetProofs(ctx, ids, ns)
	require.NoError(t, err)
	ok, err := api.Validate(ctx, ids, proofs, ns)
	require.NoError(t, err)
	require.Equal(t, []bool{true, true}, ok)
	ok, err = api.Validate(ctx, ids, [][]byte{proofs[1], proofs[0]}, ns)
	require.NoError(t, err)
	require.Equal(t, []bool{false, false}, ok)

	// Errors arrive as strings; rollkit matches on these substrings.
	_, err = api.GetIDs(ctx, s.Height()+100, ns)
	require.ErrorContains(t, err, "given height is from the future")
	_, err = api.Get(ctx, [][]byte{MakeID(height, make([]byte, 32))}, ns)
	require.ErrorContains(t, err, "blob: not found")
	_, err = api.Submit(ctx, [][]byte{make([]byte, DefaultMaxBlobSize+1)}, -1, ns)
	require.ErrorContains(t, err, "blob: over size limit")
	require.ErrorContains(t, err, "tx too large")
	_, err = api.GetIDs(ctx, height, []byte("test"))
	require.ErrorContains(t, err, "expected 29 bytes")
}

// TestJSONRPCExposesOnlyDAMethods makes sure lifecycle methods of Server
// cannot be called remotely.
func TestJSONRPCExposesOnlyDAMethods(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	call := func(method string) string {
		body := `{"jsonrpc":"2.0","id":1,"method":"` + method + `","params":[]}`
		resp, err := http.Post("http://"+s.Addr(), "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		out, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return string(out)
	}
	require.Contains(t, call("da.MaxBlobSize"), `"result":1974272`)
	for _, m := range []string{"da.Stop", "da.Start", "da.Height", "da.Header", "da.Addr"} {
		require.Contains(t, call(m), "method '"+m+"' not found", m)
	}
}
