package celestia

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/internal/wiretest"
)

// The wire conformance tests replay the JSON-RPC traffic recorded from a
// celestia-node v0.32.1 bridge (shared/celestia/wire): a fake node answers
// each client call with the recorded response, byte for byte and with the
// recorded HTTP status, and checks that the client's request has the shape
// of the recorded request.

// Namespaces and blobs of the recordings.
var (
	labNS   = b64("AAAAAAAAAAAAAAAAAAAAAAAAAGxhYi1yb2xsdXA=") // v0 id "lab-rollup"
	otherNS = b64("AAAAAAAAAAAAAAAAAAAAAAAAAG90aGVyLW5zLTE=") // v0 id "other-ns-1"
	blob1   = []byte("hello celestia-lab blob 1")
	// commitment1 is what the node returned for blob1 in labNS (wire 12).
	commitment1 = b64("C/s6Y45IK8OtHeyzHKwv5pm33/hVrYvYh7ampDzzPDk=")
)

// wireSkipped are recordings the client has no call for, with the reason.
var wireSkipped = map[string]string{
	"16-blob.GetCommitmentProof":      "commitment proofs are not used",
	"61-header.SyncState":             "sync state is not used",
	"63-node.Ready":                   "readiness is not used (header.NetworkHead is the probe)",
	"70-v0316-node.Info":              "v0.31.6: the node API is covered by v0.32.1's 01",
	"71-v0316-da.MaxBlobSize":         "go-da's da.* dialect, which the client does not speak",
	"72-v0316-da.Submit":              "go-da's da.* dialect",
	"73-v0316-da.GetIDs":              "go-da's da.* dialect",
	"74-v0316-da.Get":                 "go-da's da.* dialect",
	"75-v0316-da.GetProofs":           "go-da's da.* dialect",
	"76-v0316-da.Validate":            "go-da's da.* dialect",
	"77-v0316-da.Commit":              "go-da's da.* dialect",
	"78-v0316-da.GetIDs-empty-height": "go-da's da.* dialect",
	"79-v0316-da.GetIDs-future":       "go-da's da.* dialect",
}

// wireCase replays one recording.
type wireCase struct {
	name string
	// shapeOf is the recording whose request the client's request must
	// match in shape: "" for the case's own, "-" for none (the recorded
	// request is one the client never sends, e.g. a string height).
	shapeOf string
	// sameParams also requires the params to be equal to the recorded ones.
	sameParams bool
	call       func(t *testing.T, c *Client)
}

func TestWireConformance(t *testing.T) {
	ctx := context.Background()
	blob2 := []byte("hello celestia-lab blob 2")
	cases := []wireCase{
		{name: "01-node.Info", sameParams: true, call: func(t *testing.T, c *Client) {
			info, err := c.Info(ctx)
			require.NoError(t, err)
			require.Equal(t, NodeInfo{Type: "Bridge", APIVersion: "v0.32.1"}, info)
		}},
		{name: "02-header.NetworkHead", sameParams: true, call: func(t *testing.T, c *Client) {
			h, err := c.NetworkHead(ctx)
			require.NoError(t, err)
			require.Equal(t, uint64(41), h.Height)
			require.Equal(t, "test", h.ChainID)
			require.False(t, h.Time.IsZero())
		}},
		{name: "03-header.GetByHeight", sameParams: true, call: func(t *testing.T, c *Client) {
			h, err := c.HeaderByHeight(ctx, 5)
			require.NoError(t, err)
			require.Equal(t, uint64(5), h.Height)
		}},
		{name: "03b-header.GetByHeight-stringheight", shapeOf: "03-header.GetByHeight", call: func(t *testing.T, c *Client) {
			_, err := c.HeaderByHeight(ctx, 5)
			requireRPCError(t, err, -32700, 500)
		}},
		{name: "04-state.AccountAddress", sameParams: true, call: func(t *testing.T, c *Client) {
			addr, err := c.AccountAddress(ctx)
			require.NoError(t, err)
			require.Equal(t, "celestia1urg7duwlwsslu3m5fxzk7u3yg8e27ur5y2p6w3", addr)
		}},
		{name: "05-state.Balance", sameParams: true, call: func(t *testing.T, c *Client) {
			b, err := c.Balance(ctx)
			require.NoError(t, err)
			require.Equal(t, Balance{Denom: "utia", Amount: "100000000000"}, b)
		}},
		{name: "05a-state.Balance-before-funding", sameParams: true, call: func(t *testing.T, c *Client) {
			b, err := c.Balance(ctx)
			require.NoError(t, err)
			require.Equal(t, "0", b.Amount)
		}},
		{name: "10-blob.Submit-null-options", shapeOf: "11-blob.Submit-empty-options", call: func(t *testing.T, c *Client) {
			// The client never sends null options; were a node to panic
			// anyway, the HTTP 500 code 0 answer is an error, not a height.
			_, err := c.Submit(ctx, [][]byte{blob1}, -1, labNS)
			requireRPCError(t, err, 0, 500)
		}},
		{name: "11-blob.Submit-empty-options", sameParams: true, call: func(t *testing.T, c *Client) {
			ids, err := c.Submit(ctx, [][]byte{blob1}, -1, labNS)
			require.NoError(t, err)
			// The locally computed commitment is the node's (wire 12).
			require.Equal(t, [][]byte{da.MakeID(64, commitment1)}, ids)
		}},
		{name: "12-blob.GetAll", sameParams: true, call: func(t *testing.T, c *Client) {
			ids, err := c.GetIDs(ctx, 64, labNS)
			require.NoError(t, err)
			require.Equal(t, [][]byte{da.MakeID(64, commitment1)}, ids)
			// Get right after is answered from GetAll's data: the fake
			// node would fail a second request (see replay).
			blobs, err := c.Get(ctx, ids, labNS)
			require.NoError(t, err)
			require.Equal(t, [][]byte{blob1}, blobs)
		}},
		{name: "13-blob.Get", sameParams: true, call: func(t *testing.T, c *Client) {
			blobs, err := c.Get(ctx, [][]byte{da.MakeID(64, commitment1)}, labNS)
			require.NoError(t, err)
			require.Equal(t, [][]byte{blob1}, blobs)
		}},
		{name: "14-blob.GetProof", sameParams: true, call: func(t *testing.T, c *Client) {
			proofs, err := c.GetProofs(ctx, [][]byte{da.MakeID(64, commitment1)}, labNS)
			require.NoError(t, err)
			require.Len(t, proofs, 1)
			require.JSONEq(t, string(recordedResult(t, "14-blob.GetProof")), string(proofs[0]))
		}},
		{name: "15-blob.Included", sameParams: true, call: func(t *testing.T, c *Client) {
			ok, err := c.Validate(ctx, [][]byte{da.MakeID(64, commitment1)}, [][]byte{recordedResult(t, "14-blob.GetProof")}, labNS)
			require.NoError(t, err)
			require.Equal(t, []bool{true}, ok)
		}},
		{name: "15b-blob.Included-wrong-height", sameParams: true, call: func(t *testing.T, c *Client) {
			ok, err := c.Validate(ctx, [][]byte{da.MakeID(63, commitment1)}, [][]byte{recordedResult(t, "14-blob.GetProof")}, labNS)
			require.NoError(t, err)
			require.Equal(t, []bool{false}, ok)
		}},
		{name: "17-blob.Submit-explicit-options", shapeOf: "17b-blob.Submit-gasprice-too-low", call: func(t *testing.T, c *Client) {
			ids, err := c.Submit(ctx, [][]byte{blob2}, 0.004, labNS)
			require.NoError(t, err)
			requireHeight(t, ids, 81)
		}},
		{name: "17b-blob.Submit-gasprice-too-low", sameParams: true, call: func(t *testing.T, c *Client) {
			_, err := c.Submit(ctx, [][]byte{blob2}, 0.000001, labNS)
			require.ErrorIs(t, err, ErrInsufficientFee)
			require.ErrorContains(t, err, "required: 320utia")
			require.ErrorContains(t, err, "--rollkit.da_gas_price")
		}},
		{name: "18-blob.Submit-bogus-commitment-field", shapeOf: "17b-blob.Submit-gasprice-too-low", call: func(t *testing.T, c *Client) {
			ids, err := c.Submit(ctx, [][]byte{[]byte("blob with bogus commitment field")}, 0.004, labNS)
			require.NoError(t, err)
			requireHeight(t, ids, 221)
		}},
		{name: "18b-blob.GetAll-after-bogus-commitment", sameParams: true, call: func(t *testing.T, c *Client) {
			ids, err := c.GetIDs(ctx, 221, labNS)
			require.NoError(t, err)
			local := commit(t, c, labNS, "blob with bogus commitment field")
			require.Equal(t, [][]byte{da.MakeID(221, local)}, ids)
		}},
		{name: "19-blob.Submit-two-blobs-two-namespaces", shapeOf: "17b-blob.Submit-gasprice-too-low", call: func(t *testing.T, c *Client) {
			ids, err := c.Submit(ctx, [][]byte{[]byte("two blobs a")}, 0.004, labNS)
			require.NoError(t, err)
			requireHeight(t, ids, 227)
		}},
		{name: "19b-blob.GetAll-two-namespaces", shapeOf: "12-blob.GetAll", call: func(t *testing.T, c *Client) {
			// Asked for one namespace, the client keeps that one's blobs.
			ids, err := c.GetIDs(ctx, 227, labNS)
			require.NoError(t, err)
			require.Equal(t, [][]byte{da.MakeID(227, commit(t, c, labNS, "two blobs a"))}, ids)
			var res []blob
			require.NoError(t, json.Unmarshal(recordedResult(t, "19b-blob.GetAll-two-namespaces"), &res))
			require.Equal(t, commit(t, c, otherNS, "two blobs b"), res[1].Commitment)
		}},
		{name: "20-da.Submit", shapeOf: "-", call: func(t *testing.T, c *Client) {
			_, err := c.Submit(ctx, [][]byte{blob1}, -1, labNS)
			require.ErrorIs(t, err, ErrMethodNotFound)
			requireRPCError(t, err, -32601, 500)
		}},
		{name: "21-da.GetIDs", shapeOf: "-", call: func(t *testing.T, c *Client) {
			_, err := c.GetIDs(ctx, 64, labNS)
			require.ErrorIs(t, err, ErrMethodNotFound)
		}},
		{name: "22-da.MaxBlobSize", shapeOf: "-", call: func(t *testing.T, c *Client) {
			_, err := c.NetworkHead(ctx)
			require.ErrorIs(t, err, ErrMethodNotFound)
			require.ErrorContains(t, err, "milkywayd da serve")
		}},
		{name: "31-blob.Submit-during-subscribe", sameParams: true, call: func(t *testing.T, c *Client) {
			ids, err := c.Submit(ctx, [][]byte{[]byte("hello celestia-lab blob 3 (subscribe)")}, 0.004, labNS)
			require.NoError(t, err)
			requireHeight(t, ids, 94)
		}},
		{name: "50-blob.Submit-oversize-8388222", shapeOf: "17b-blob.Submit-gasprice-too-low", call: func(t *testing.T, c *Client) {
			// The recorded request holds a placeholder for its 8 MiB blob;
			// the answer is what matters: code 21 means tx too large.
			_, err := c.Submit(ctx, [][]byte{blob1}, 0.004, labNS)
			require.ErrorIs(t, err, da.ErrBlobTooLarge)
			require.ErrorContains(t, err, "tx too large")
		}},
		{name: "51-blob.Submit-oversize-13MiB-rpc-limit", shapeOf: "17b-blob.Submit-gasprice-too-low", call: func(t *testing.T, c *Client) {
			_, err := c.Submit(ctx, [][]byte{blob1}, 0.004, labNS)
			require.ErrorIs(t, err, da.ErrBlobTooLarge)
		}},
		{name: "52-blob.Submit-badns-v0-nonzero-prefix", shapeOf: "17b-blob.Submit-gasprice-too-low", call: badNamespace(ctx, "52-blob.Submit-badns-v0-nonzero-prefix")},
		{name: "53-blob.Submit-badns-reserved-tx-namespace", shapeOf: "17b-blob.Submit-gasprice-too-low", call: badNamespace(ctx, "53-blob.Submit-badns-reserved-tx-namespace")},
		{name: "54-blob.Submit-badns-10-bytes", shapeOf: "17b-blob.Submit-gasprice-too-low", call: badNamespace(ctx, "54-blob.Submit-badns-10-bytes")},
		{name: "55-blob.Submit-badns-version1", shapeOf: "17b-blob.Submit-gasprice-too-low", call: badNamespace(ctx, "55-blob.Submit-badns-version1")},
		{name: "56-blob.GetAll-badns-10-bytes", shapeOf: "12-blob.GetAll", call: func(t *testing.T, c *Client) {
			_, err := c.GetIDs(ctx, 64, labNS)
			require.ErrorIs(t, err, da.ErrInvalidNamespace)
		}},
		{name: "57-blob.GetAll-other-namespace-empty", sameParams: true, call: func(t *testing.T, c *Client) {
			ids, err := c.GetIDs(ctx, 64, otherNS)
			require.NoError(t, err)
			require.Empty(t, ids)
		}},
		{name: "58-blob.Get-not-found", sameParams: true, call: func(t *testing.T, c *Client) {
			_, err := c.Get(ctx, [][]byte{da.MakeID(64, commitment1)}, otherNS)
			require.ErrorIs(t, err, da.ErrBlobNotFound)
		}},
		{name: "59-blob.GetAll-future-height", sameParams: true, call: func(t *testing.T, c *Client) {
			_, err := c.GetIDs(ctx, 999999, labNS)
			require.ErrorIs(t, err, da.ErrHeightFromFuture)
			require.ErrorContains(t, err, "given height is from the future")
		}},
		{name: "60-header.WaitForHeight", sameParams: true, call: func(t *testing.T, c *Client) {
			h, err := c.WaitForHeight(ctx, 203)
			require.NoError(t, err)
			require.Equal(t, uint64(203), h.Height)
		}},
		{name: "62-blob.GetAll-stringheight", shapeOf: "12-blob.GetAll", call: func(t *testing.T, c *Client) {
			_, err := c.GetIDs(ctx, 64, labNS)
			requireRPCError(t, err, -32700, 500)
		}},
	}

	covered := make(map[string]bool)
	for _, tc := range cases {
		covered[tc.name] = true
		t.Run(tc.name, func(t *testing.T) { replay(t, tc) })
	}
	for _, name := range wiretest.Names(t) {
		if _, skipped := wireSkipped[name]; !covered[name] && !skipped {
			t.Errorf("recording %s is neither replayed nor listed in wireSkipped", name)
		}
	}
}

// replay serves tc's recorded response to the client's one request and
// checks the request's shape.
func replay(t *testing.T, tc wireCase) {
	rec := wiretest.Load(t, tc.name)
	var mu sync.Mutex
	var got [][]byte
	node := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, body)
		n := len(got)
		mu.Unlock()
		if n > 1 {
			http.Error(w, "the recording answers one request", http.StatusTeapot)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(rec.HTTPStatus())
		_, _ = w.Write(rec.Response)
	}))
	defer node.Close()

	tc.call(t, New(node.URL, ""))

	mu.Lock()
	defer mu.Unlock()
	require.Len(t, got, 1, "one request per recording")
	if tc.shapeOf == "-" {
		return
	}
	want := rec
	if tc.shapeOf != "" {
		want = wiretest.Load(t, tc.shapeOf)
	}
	require.NoError(t, wiretest.SameShape(want.Request, got[0]), "request %s", got[0])
	if tc.sameParams {
		require.Equal(t, params(t, want.Request), params(t, got[0]), "params of %s", got[0])
	}
}

// badNamespace checks that the client refuses a namespace celestia-node
// refused without sending it, and maps the node's refusal (for a
// namespace the client accepted but the node did not) to
// da.ErrInvalidNamespace.
func badNamespace(ctx context.Context, name string) func(t *testing.T, c *Client) {
	return func(t *testing.T, c *Client) {
		var req struct {
			Params []json.RawMessage `json:"params"`
		}
		require.NoError(t, json.Unmarshal(wiretest.Load(t, name).Request, &req))
		var blobs []submitBlob
		require.NoError(t, json.Unmarshal(req.Params[0], &blobs))
		_, err := New("http://127.0.0.1:1", "").Submit(ctx, [][]byte{blobs[0].Data}, 0.004, blobs[0].Namespace)
		require.ErrorIs(t, err, da.ErrInvalidNamespace, "refused locally")

		_, err = c.Submit(ctx, [][]byte{blobs[0].Data}, 0.004, labNS)
		require.ErrorIs(t, err, da.ErrInvalidNamespace)
		requireRPCError(t, err, -32700, 500)
	}
}

func requireRPCError(t *testing.T, err error, code, status int) {
	t.Helper()
	var rpcErr *RPCError
	require.True(t, errors.As(err, &rpcErr), "want an *RPCError, got %v", err)
	require.Equal(t, code, rpcErr.Code)
	require.Equal(t, status, rpcErr.HTTPStatus)
}

func requireHeight(t *testing.T, ids [][]byte, height uint64) {
	t.Helper()
	require.Len(t, ids, 1)
	h, _, err := da.SplitID(ids[0])
	require.NoError(t, err)
	require.Equal(t, height, h)
}

// recordedResult returns the "result" of a recorded response.
func recordedResult(t *testing.T, name string) []byte {
	t.Helper()
	var resp struct {
		Result json.RawMessage `json:"result"`
	}
	require.NoError(t, json.Unmarshal(wiretest.Load(t, name).Response, &resp))
	return resp.Result
}

// params decodes a request's params for comparison.
func params(t *testing.T, req []byte) any {
	t.Helper()
	v, err := wiretest.Decode(req)
	require.NoError(t, err)
	p := v.(map[string]any)["params"].([]any)
	// Numbers compare by value: the node reads 0.000001 and 1e-06 alike.
	return normalize(p)
}

func normalize(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case []any:
		for i := range x {
			x[i] = normalize(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = normalize(x[k])
		}
	}
	return v
}

func commit(t *testing.T, c *Client, ns []byte, data string) []byte {
	t.Helper()
	cs, err := c.Commit(context.Background(), [][]byte{[]byte(data)}, ns)
	require.NoError(t, err)
	return cs[0]
}

func b64(s string) []byte {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}
