package txforward

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// recorder is an HTTP endpoint that records what reached it.
type recorder struct {
	calls  int
	method string
	uri    string
	body   string
	answer string
}

func (rec *recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	bz, _ := io.ReadAll(r.Body)
	rec.calls, rec.method, rec.uri, rec.body = rec.calls+1, r.Method, r.URL.RequestURI(), string(bz)
	_, _ = io.WriteString(w, rec.answer)
}

type rpcError struct {
	ID    json.RawMessage `json:"id"`
	Error struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
		Data    string `json:"data"`
	} `json:"error"`
}

func setup(t *testing.T) (*recorder, *recorder, *httptest.Server) {
	seq := &recorder{answer: `{"jsonrpc":"2.0","id":7,"result":{"code":0,"hash":"AB"}}`}
	seqSrv := httptest.NewServer(seq)
	t.Cleanup(seqSrv.Close)
	local := &recorder{answer: `{"local":true}`}
	srv := httptest.NewServer(Handler(local, seqSrv.URL, "rollup.sequencer_rpc"))
	t.Cleanup(srv.Close)
	return seq, local, srv
}

func post(t *testing.T, url, body string) (int, string) {
	resp, err := http.Post(url, "application/json", strings.NewReader(body))
	require.NoError(t, err)
	defer resp.Body.Close()
	bz, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(bz)
}

func get(t *testing.T, url string) (int, string) {
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	bz, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(bz)
}

func TestBroadcastsGoToTheSequencer(t *testing.T) {
	seq, local, srv := setup(t)
	for _, method := range []string{"broadcast_tx_sync", "broadcast_tx_async", "broadcast_tx_commit"} {
		body := `{"jsonrpc":"2.0","id":7,"method":"` + method + `","params":{"tx":"AAE="}}`
		status, got := post(t, srv.URL, body)
		require.Equal(t, http.StatusOK, status)
		require.Equal(t, seq.answer, got, "the sequencer's answer comes back unchanged")
		require.Equal(t, body, seq.body, "the request reaches the sequencer unchanged")
		require.Equal(t, http.MethodPost, seq.method)
	}
	status, got := get(t, srv.URL+"/broadcast_tx_sync?tx=0x0001")
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, seq.answer, got)
	require.Equal(t, "/broadcast_tx_sync?tx=0x0001", seq.uri, "URI-form params are kept")
	require.Equal(t, 4, seq.calls)
	require.Zero(t, local.calls, "no broadcast reaches the full node's own mempool")
}

func TestEverythingElseStaysLocal(t *testing.T) {
	seq, local, srv := setup(t)
	_, got := post(t, srv.URL, `{"jsonrpc":"2.0","id":1,"method":"status","params":{}}`)
	require.Equal(t, `{"local":true}`, got)
	require.Contains(t, local.body, `"method":"status"`, "the body is handed on intact")
	_, got = get(t, srv.URL+"/block?height=3")
	require.Equal(t, `{"local":true}`, got)
	_, got = post(t, srv.URL, `[{"jsonrpc":"2.0","id":1,"method":"status"},{"jsonrpc":"2.0","id":2,"method":"health"}]`)
	require.Equal(t, `{"local":true}`, got, "a batch without broadcasts stays local")
	_, got = post(t, srv.URL, `not json`)
	require.Equal(t, `{"local":true}`, got, "the node's RPC server answers malformed requests itself")
	_, got = post(t, srv.URL, `{"method":"broadcast_tx_sync","params":{"tx":"`+strings.Repeat("A", maxBody)+`"}}`)
	require.Equal(t, `{"local":true}`, got, "an oversize body is left to the node's RPC server to refuse")
	require.Zero(t, seq.calls)
	require.Equal(t, 5, local.calls)
}

func TestBroadcastRefusals(t *testing.T) {
	t.Run("a broadcast inside a batch", func(t *testing.T) {
		seq, local, srv := setup(t)
		status, got := post(t, srv.URL, `[{"jsonrpc":"2.0","id":1,"method":"status"},{"jsonrpc":"2.0","id":2,"method":"broadcast_tx_sync","params":{"tx":"AA=="}}]`)
		require.Equal(t, http.StatusBadRequest, status)
		var e rpcError
		require.NoError(t, json.Unmarshal([]byte(got), &e))
		require.Equal(t, codeInvalidRequest, e.Error.Code)
		require.Contains(t, e.Error.Data, "not inside a batch")
		require.Zero(t, seq.calls+local.calls)
	})
	t.Run("no sequencer configured", func(t *testing.T) {
		local := &recorder{}
		srv := httptest.NewServer(Handler(local, "", "rollup.sequencer_rpc"))
		defer srv.Close()
		status, got := post(t, srv.URL, `{"jsonrpc":"2.0","id":"abc","method":"broadcast_tx_sync","params":{"tx":"AA=="}}`)
		require.Equal(t, http.StatusOK, status, "a method error, as CometBFT answers it")
		var e rpcError
		require.NoError(t, json.Unmarshal([]byte(got), &e))
		require.Equal(t, `"abc"`, string(e.ID), "the request id is kept")
		require.Equal(t, codeInternal, e.Error.Code)
		require.Equal(t, "Internal error", e.Error.Message)
		require.Contains(t, e.Error.Data, "--rollup.sequencer_rpc")
		require.Zero(t, local.calls)
	})
	t.Run("sequencer unreachable", func(t *testing.T) {
		down := httptest.NewServer(http.NotFoundHandler())
		addr := down.URL
		down.Close()
		local := &recorder{}
		srv := httptest.NewServer(Handler(local, addr, "rollup.sequencer_rpc"))
		defer srv.Close()
		_, got := post(t, srv.URL, `{"jsonrpc":"2.0","id":3,"method":"broadcast_tx_commit","params":{"tx":"AA=="}}`)
		var e rpcError
		require.NoError(t, json.Unmarshal([]byte(got), &e))
		require.Equal(t, "3", string(e.ID))
		require.Contains(t, e.Error.Data, "could not reach the sequencer at "+addr)
		require.Zero(t, local.calls)
	})
}
