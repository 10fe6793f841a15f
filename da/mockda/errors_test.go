package mockda

import (
	"context"
	"encoding/base64"
	"testing"
	"time"

	"github.com/celestiaorg/go-square/v2/share"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// TestBadRequests sends raw JSON-RPC: each refusal is a JSON-RPC error
// with a message naming the problem, -32700 (HTTP 500) for params that do
// not decode, code 1 (HTTP 200) for the rest, as on celestia-node.
func TestBadRequests(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 1000)
	ctx := context.Background()
	ns := testNamespace(t, 1)
	ids := submitNow(t, s, ns, []byte("known"))
	blob := func(ns []byte, data []byte) map[string]any {
		return map[string]any{"namespace": ns, "data": data, "share_version": 0}
	}
	requireError := func(t *testing.T, a rpcAnswer, code int, contains string) {
		t.Helper()
		require.NotNil(t, a.Error, "%s", a.Body)
		require.Equal(t, code, a.Error.Code, "%s", a.Body)
		require.Contains(t, a.Error.Message, contains)
		if code == 1 {
			require.Equal(t, 200, a.Status)
		} else {
			require.Equal(t, 500, a.Status)
		}
	}

	t.Run("namespace", func(t *testing.T) {
		versionOne := testNamespace(t, 1)
		versionOne[0] = 1
		for bad, want := range map[string]string{
			string([]byte("test")):                     "expected 29 bytes",
			string(make([]byte, 30)):                   "expected 29 bytes",
			string(share.TxNamespace.Bytes()):          "reserved",
			string(share.TailPaddingNamespace.Bytes()): "only version 0",
			string(versionOne):                         "only version 0",
		} {
			requireError(t, call(t, s, request(t, "blob.Submit", []any{blob([]byte(bad), []byte("x"))}, map[string]any{})), -32700, want)
			requireError(t, call(t, s, request(t, "blob.GetAll", 2, [][]byte{[]byte(bad)})), -32700, want)
			requireError(t, call(t, s, request(t, "blob.Get", 2, []byte(bad), ids[0][8:])), -32700, want)
		}
		requireError(t, call(t, s, `{"jsonrpc":"2.0","id":1,"method":"blob.Submit","params":[[{"data":"eA==","share_version":0}],{}]}`), 1, "expected 29 bytes")
	})

	t.Run("null options", func(t *testing.T) {
		a := call(t, s, request(t, "blob.Submit", []any{blob(ns, []byte("x"))}, nil))
		requireError(t, a, 1, "send {}")
		require.Zero(t, pendingCount(s))
	})

	t.Run("oversized submission", func(t *testing.T) {
		for _, blobs := range [][][]byte{
			{make([]byte, 1001)},                   // one blob over the limit
			{make([]byte, 600), make([]byte, 600)}, // together over the limit
		} {
			_, err := client(s).Submit(ctx, blobs, -1, ns)
			require.ErrorIs(t, err, da.ErrBlobTooLarge)
			require.ErrorContains(t, err, "tx too large")
		}
		require.Zero(t, pendingCount(s))
	})

	t.Run("empty submission, empty blob, share version", func(t *testing.T) {
		requireError(t, call(t, s, request(t, "blob.Submit", []any{}, map[string]any{})), 1, ErrNoBlobs.Error())
		requireError(t, call(t, s, request(t, "blob.Submit", []any{blob(ns, nil)}, map[string]any{})), 1, ErrEmptyBlob.Error())
		v1 := blob(ns, []byte("x"))
		v1["share_version"] = 1
		requireError(t, call(t, s, request(t, "blob.Submit", []any{v1}, map[string]any{})), 1, "share version 1")
	})

	t.Run("unknown blob", func(t *testing.T) {
		for _, m := range []string{"blob.Get", "blob.GetProof"} {
			a := call(t, s, request(t, m, 2, ns, make([]byte, 32)))
			requireError(t, a, 1, "blob: not found")
			require.Equal(t, "blob: not found", a.Error.Message, "celestia-node's exact text")
		}
	})

	t.Run("height 0 and future heights", func(t *testing.T) {
		future := s.Height() + 1
		for _, req := range []string{
			request(t, "blob.GetAll", future, [][]byte{ns}),
			request(t, "blob.Get", future, ns, ids[0][8:]),
			request(t, "blob.GetProof", future, ns, ids[0][8:]),
			request(t, "header.GetByHeight", future),
		} {
			a := call(t, s, req)
			requireError(t, a, 1, "header: given height is from the future: networkHeight: 2, requestedHeight: 3")
		}
		requireError(t, call(t, s, request(t, "blob.GetAll", 0, [][]byte{ns})), 1, "heights start at 1")
		requireError(t, call(t, s, request(t, "blob.GetAll", "2", [][]byte{ns})), -32700, "cannot unmarshal string")
		ids, err := client(s).GetIDs(ctx, s.Height(), ns)
		require.NoError(t, err)
		require.Len(t, ids, 1)
	})

	t.Run("gas price", func(t *testing.T) {
		for _, bad := range []float64{-2, -0.5} {
			a := call(t, s, request(t, "blob.Submit", []any{blob(ns, []byte("x"))}, map[string]any{"gas_price": bad, "is_gas_price_set": true}))
			requireError(t, a, 1, ErrInvalidGasPrice.Error())
		}
		for _, good := range []float64{-1, 0, 0.002} {
			res := make(chan error, 1)
			go func() {
				_, err := client(s).Submit(ctx, [][]byte{[]byte("x")}, good, ns)
				res <- err
			}()
			produceAfter(t, s, 1)
			require.NoError(t, <-res)
		}
	})

	t.Run("request size", func(t *testing.T) {
		big := base64.StdEncoding.EncodeToString(make([]byte, 13<<20))
		a := call(t, s, `{"jsonrpc":"2.0","id":1,"method":"blob.Submit","params":[[{"namespace":"`+base64.StdEncoding.EncodeToString(ns)+`","data":"`+big+`","share_version":0}],{}]}`)
		requireError(t, a, -32700, "request bigger than maximum 16777216 allowed")
	})
}

func TestSubmitCancelledBeforeInclusion(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ns := testNamespace(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	res := submitAsync(ctx, s, ns, []byte("never included"))
	waitPending(t, s, 1)
	cancel()
	r := <-res
	require.ErrorIs(t, r.err, context.Canceled)
	waitPending(t, s, 0) // the mock sees the request end and withdraws the blobs

	s.produceBlock(time.Now())
	hdr, err := s.Header(s.Height())
	require.NoError(t, err)
	require.Zero(t, hdr.BlobCount)
}

func TestStopFailsPendingAndLaterCalls(t *testing.T) {
	s, err := New(Config{DataDir: t.TempDir(), ListenAddress: "127.0.0.1:0", BlockTime: manualBlockTime}, nil)
	require.NoError(t, err)
	ctx := context.Background()
	ns := testNamespace(t, 1)

	_, err = blobAPI{s}.Get(ctx, 0, ns, make([]byte, 32))
	require.ErrorIs(t, err, ErrInvalidHeight)
	_, err = blobAPI{s}.GetAll(ctx, 0, nil)
	require.ErrorIs(t, err, ErrInvalidHeight)

	require.NoError(t, s.Start(ctx))
	res := submitAsync(ctx, s, ns, []byte("pending"))
	waitPending(t, s, 1)
	stopped := time.Now()
	require.NoError(t, s.Stop())
	require.Less(t, time.Since(stopped), rpcShutdownTimeout, "a pending submission does not hold Stop up")
	require.ErrorContains(t, (<-res).err, ErrNotRunning.Error())
	require.NoError(t, s.Stop()) // idempotent

	_, err = blobAPI{s}.Submit(ctx, []*Blob{{Namespace: ns, Data: []byte("late")}}, &SubmitOptions{})
	require.ErrorIs(t, err, ErrNotRunning)
	_, err = blobAPI{s}.Get(ctx, 1, ns, make([]byte, 32))
	require.ErrorIs(t, err, ErrNotRunning)
}

func TestStartErrors(t *testing.T) {
	_, err := New(Config{}, nil)
	require.ErrorIs(t, err, ErrInvalidConfig)
	_, err = New(Config{Home: t.TempDir(), ListenAddress: "no-port"}, nil)
	require.ErrorIs(t, err, ErrInvalidConfig)

	dir := t.TempDir()
	s := startServer(t, dir, manualBlockTime, 0)

	// Port in use.
	other, err := New(Config{DataDir: t.TempDir(), ListenAddress: s.Addr()}, nil)
	require.NoError(t, err)
	err = other.Start(context.Background())
	require.ErrorContains(t, err, "listen on "+s.Addr())
	require.ErrorContains(t, err, "address already in use")

	// Store locked by the running server.
	other, err = New(Config{DataDir: dir, ListenAddress: "127.0.0.1:0"}, nil)
	require.NoError(t, err)
	require.ErrorContains(t, other.Start(context.Background()), "open mock DA store in "+dir)
}
