package mockda

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/celestiaorg/go-square/v2/share"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
)

// fastBlockTime keeps ticker-driven tests quick.
const fastBlockTime = 50 * time.Millisecond

// manualBlockTime effectively disables the ticker, so that a test produces
// blocks itself with produceAfter and controls what goes in each block.
// Start still produces block 1, so the first submission lands at 2.
const manualBlockTime = time.Hour

// startServer starts a Server on a free local port, stopped at test end.
func startServer(t *testing.T, dir string, blockTime time.Duration, maxBlobSize uint64) *Server {
	t.Helper()
	s, err := New(Config{DataDir: dir, ListenAddress: "127.0.0.1:0", BlockTime: blockTime, MaxBlobSize: maxBlobSize}, log.NewNopLogger())
	require.NoError(t, err)
	require.NoError(t, s.Start(context.Background()))
	t.Cleanup(func() { require.NoError(t, s.Stop()) })
	return s
}

// client is the production client (da/celestia) pointed at s: the tests
// drive the mock the way nodes do.
func client(s *Server) *celestia.Client {
	return celestia.New("http://"+s.Addr(), "")
}

// testNamespace returns a usable v0 namespace whose id ends with b.
func testNamespace(t *testing.T, b byte) []byte {
	t.Helper()
	ns, err := share.NewV0Namespace([]byte{0xAA, b})
	require.NoError(t, err)
	return ns.Bytes()
}

func randomBytes(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	_, err := rand.Read(b)
	require.NoError(t, err)
	return b
}

type submitOutcome struct {
	ids [][]byte
	err error
}

// submitAsync submits through the client in the background (blob.Submit
// blocks until inclusion).
func submitAsync(ctx context.Context, s *Server, ns []byte, blobs ...[]byte) <-chan submitOutcome {
	out := make(chan submitOutcome, 1)
	go func() {
		ids, err := client(s).Submit(ctx, blobs, -1, ns)
		out <- submitOutcome{ids, err}
	}()
	return out
}

func pendingCount(s *Server) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.pending)
}

// waitPending waits until n submissions are queued for the next block.
func waitPending(t *testing.T, s *Server, n int) {
	t.Helper()
	require.Eventually(t, func() bool { return pendingCount(s) == n }, 10*time.Second, time.Millisecond)
}

// produceAfter waits for n queued submissions and produces a block.
func produceAfter(t *testing.T, s *Server, n int) {
	t.Helper()
	waitPending(t, s, n)
	s.produceBlock(time.Now())
}

// submitNow submits in a manual-block-time server and produces the block.
func submitNow(t *testing.T, s *Server, ns []byte, blobs ...[]byte) [][]byte {
	t.Helper()
	res := submitAsync(context.Background(), s, ns, blobs...)
	produceAfter(t, s, 1)
	r := <-res
	require.NoError(t, r.err)
	require.Len(t, r.ids, len(blobs))
	return r.ids
}

// rpcAnswer is a raw JSON-RPC answer with its HTTP status.
type rpcAnswer struct {
	Status int
	Body   []byte
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// call posts one raw JSON-RPC request body to s.
func call(t *testing.T, s *Server, body string) rpcAnswer {
	t.Helper()
	resp, err := http.Post("http://"+s.Addr(), "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	a := rpcAnswer{Status: resp.StatusCode, Body: raw}
	require.NoError(t, json.Unmarshal(raw, &a), "%s", raw)
	return a
}

// request builds a JSON-RPC request body for method with params.
func request(t *testing.T, method string, params ...any) string {
	t.Helper()
	if params == nil {
		params = []any{}
	}
	b, err := json.Marshal(map[string]any{"jsonrpc": "2.0", "id": 1, "method": method, "params": params})
	require.NoError(t, err)
	return string(b)
}

// flip returns a copy of b with byte i inverted.
func flip(b []byte, i int) []byte {
	c := bytes.Clone(b)
	c[i] ^= 0xFF
	return c
}
