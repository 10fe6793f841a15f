package celestia

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/celestiaorg/go-square/v2/share"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/internal/wiretest"
)

// node starts a fake node answering every request with status and body.
func node(t *testing.T, status int, body string, check func(*http.Request)) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if check != nil {
			check(r)
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestAuthTokenIsSentAsBearer(t *testing.T) {
	var got string
	srv := node(t, 200, `{"id":1,"jsonrpc":"2.0","result":{"type":"Light","api_version":"v0.32.1"}}`,
		func(r *http.Request) { got = r.Header.Get("Authorization") })
	_, err := New(srv.URL, "tok3n").Info(context.Background())
	require.NoError(t, err)
	require.Equal(t, "Bearer tok3n", got)

	_, err = New(srv.URL, "").Info(context.Background())
	require.NoError(t, err)
	require.Empty(t, got, "no token, no header")
}

func TestTransportErrors(t *testing.T) {
	ctx := context.Background()
	ns := labNS

	t.Run("HTTP 401 and 403", func(t *testing.T) {
		for _, status := range []int{401, 403} {
			_, err := New(node(t, status, "", nil).URL, "bad").GetIDs(ctx, 1, ns)
			require.ErrorIs(t, err, ErrUnauthorized)
			require.ErrorContains(t, err, "--rollkit.da_auth_token")
		}
	})
	t.Run("token without the permission", func(t *testing.T) {
		srv := node(t, 200, `{"id":1,"jsonrpc":"2.0","error":{"code":1,"message":"missing permission to invoke 'Submit' (need 'write')"}}`, nil)
		_, err := New(srv.URL, "read-only").Submit(ctx, [][]byte{[]byte("x")}, -1, ns)
		require.ErrorIs(t, err, ErrUnauthorized)
		require.ErrorContains(t, err, "write permission")
	})
	t.Run("account cannot pay", func(t *testing.T) {
		// Texts recorded from a celestia-node v0.32.1 bridge on celestia-app
		// 9.0.8 (make test-celestia): an account that never received funds,
		// then one holding 1utia.
		for _, msg := range []string{
			"account for signer celestia17usacthk0ntrkwazr3j7ymedgq3sg7nwwlh96u not found",
			"broadcast tx error: hash A9A12DB6E803ADB4902E095784882939AF7E1DECE4E376886E52E5B12FC8E28D error: spendable balance 1utia is smaller than 320utia: insufficient funds: insufficient funds code: 5",
		} {
			srv := node(t, 200, `{"id":1,"jsonrpc":"2.0","error":{"code":1,"message":"`+msg+`"}}`, nil)
			_, err := New(srv.URL, "").Submit(ctx, [][]byte{[]byte("x")}, -1, ns)
			require.ErrorIs(t, err, ErrUnfunded)
			require.NotErrorIs(t, err, ErrInsufficientFee)
			require.ErrorContains(t, err, "fund the DA node's account")
			require.ErrorContains(t, err, msg)
		}
	})
	t.Run("nothing listening", func(t *testing.T) {
		_, err := New("http://"+closedAddr(t), "").GetIDs(ctx, 1, ns)
		require.ErrorIs(t, err, ErrUnreachable)
	})
	t.Run("not JSON-RPC", func(t *testing.T) {
		_, err := New(node(t, 404, "<html>not found</html>", nil).URL, "").GetIDs(ctx, 1, ns)
		require.ErrorIs(t, err, ErrProtocol)
		require.ErrorContains(t, err, "HTTP 404")
	})
	t.Run("deadline", func(t *testing.T) {
		srv := node(t, 200, `{}`, func(*http.Request) { time.Sleep(200 * time.Millisecond) })
		short, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
		defer cancel()
		_, err := New(srv.URL, "").Submit(short, [][]byte{[]byte("x")}, -1, ns)
		// rollkit maps "context deadline" to StatusContextDeadline.
		require.ErrorContains(t, err, "context deadline exceeded")
	})
}

func TestConnect(t *testing.T) {
	ctx := context.Background()
	head := `{"id":1,"jsonrpc":"2.0","result":{"header":{"chain_id":"test","height":"7","time":"2026-12-06T18:16:34Z"}}}`
	c, err := Connect(ctx, node(t, 200, head, nil).URL, "")
	require.NoError(t, err)
	require.NotNil(t, c)

	_, err = Connect(ctx, "http://"+closedAddr(t), "")
	require.ErrorIs(t, err, ErrUnreachable)
	require.ErrorContains(t, err, "milkywayd da serve")

	_, err = Connect(ctx, node(t, 401, "", nil).URL, "wrong")
	require.ErrorIs(t, err, ErrUnauthorized)

	for _, bad := range []string{"127.0.0.1:26658", "grpc://127.0.0.1:9290", "ws://x:1"} {
		_, err = Connect(ctx, bad, "")
		require.ErrorContains(t, err, "must look like http://host:port", bad)
	}
	_, err = Connect(ctx, "grpc://127.0.0.1:9290", "")
	require.ErrorContains(t, err, "grpc:// is not supported")
}

func TestSubmitRefusesBeforeSending(t *testing.T) {
	ctx := context.Background()
	c := New("http://"+closedAddr(t), "") // any request would fail as unreachable

	_, err := c.Submit(ctx, [][]byte{make([]byte, MaxBlobSize/2), make([]byte, MaxBlobSize/2+1)}, -1, labNS)
	require.ErrorIs(t, err, da.ErrBlobTooLarge)
	require.ErrorContains(t, err, "tx too large")
	_, err = c.Submit(ctx, nil, -1, labNS)
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, err = c.Submit(ctx, [][]byte{[]byte("x")}, -1, []byte("short"))
	require.ErrorIs(t, err, da.ErrInvalidNamespace)
	_, err = c.Validate(ctx, [][]byte{da.MakeID(1, make([]byte, 32))}, nil, labNS)
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, err = c.Get(ctx, [][]byte{[]byte("short id")}, labNS)
	require.ErrorIs(t, err, da.ErrMalformedID)

	// A proof that is not JSON proves nothing and is not sent.
	ok, err := c.Validate(ctx, [][]byte{da.MakeID(1, make([]byte, 32))}, [][]byte{[]byte("{not json")}, labNS)
	require.NoError(t, err)
	require.Equal(t, []bool{false}, ok)

	ids, err := c.GetIDs(ctx, 0, labNS)
	require.NoError(t, err, "height 0 has no blocks and needs no request")
	require.Empty(t, ids)
}

// TestMaxBlobSize pins the arithmetic MaxBlobSize's comment relies on.
func TestMaxBlobSize(t *testing.T) {
	require.Less(t, MaxBlobSize, 8_388_221, "below the largest blob measured accepted")
	shares := share.SparseSharesNeeded(MaxBlobSize)
	require.Equal(t, 15_229, shares)
	require.LessOrEqual(t, shares, 128*128)
	size, err := New("http://unused", "").MaxBlobSize(context.Background())
	require.NoError(t, err)
	require.Equal(t, uint64(MaxBlobSize), size)
}

// TestValidateUnparsableProofIsFalse: a node that cannot parse a proof
// (-32700) has been given something that proves nothing.
func TestValidateUnparsableProofIsFalse(t *testing.T) {
	srv := node(t, 500, `{"error":{"code":-32700,"message":"unmarshaling params for 'blob.Included' (param: *blob.Proof): bad"},"id":1,"jsonrpc":"2.0"}`, nil)
	ok, err := New(srv.URL, "").Validate(context.Background(), [][]byte{da.MakeID(1, make([]byte, 32))}, [][]byte{[]byte(`[{"start":"x"}]`)}, labNS)
	require.NoError(t, err)
	require.Equal(t, []bool{false}, ok)
}

// closedAddr returns a loopback address nothing listens on.
// TestSubmitUncheckedLeavesTheLimitToTheNode: SubmitUnchecked sends a blob
// over MaxBlobSize (Submit would refuse it unsent) and maps the node's
// recorded refusal of 8,388,222 bytes (code 21, no "too large" in its text)
// to da.ErrBlobTooLarge, whose text rollkit reads as "tx too large".
func TestSubmitUncheckedLeavesTheLimitToTheNode(t *testing.T) {
	ctx := context.Background()
	const size = 8_388_222
	var sent int64
	srv := node(t, 200, string(wiretest.Load(t, "50-blob.Submit-oversize-8388222").Response), func(r *http.Request) {
		sent = r.ContentLength
	})
	c := New(srv.URL, "")
	_, err := c.Submit(ctx, [][]byte{make([]byte, size)}, -1, labNS)
	require.ErrorIs(t, err, da.ErrBlobTooLarge)
	require.Zero(t, sent, "Submit must refuse before sending")

	_, err = c.SubmitUnchecked(ctx, [][]byte{make([]byte, size)}, -1, labNS)
	require.ErrorIs(t, err, da.ErrBlobTooLarge)
	require.ErrorContains(t, err, "tx too large")
	require.ErrorContains(t, err, "code: 21")
	require.Greater(t, sent, int64(size), "the whole blob (base64) was sent")

	_, err = c.SubmitUnchecked(ctx, nil, -1, labNS)
	require.ErrorIs(t, err, ErrInvalidRequest)
	_, err = c.SubmitUnchecked(ctx, [][]byte{[]byte("x")}, -1, []byte("short"))
	require.ErrorIs(t, err, da.ErrInvalidNamespace)
}

func closedAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}
