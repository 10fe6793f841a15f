package mockda

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da/internal/wiretest"
)

// TestWireConformance replays the requests recorded from a celestia-node
// v0.32.1 bridge (shared/celestia/wire) against the mock and checks that
// each answer has the recorded answer's shape: the same keys, JSON types,
// integers as strings where the node sends strings, errors where the node
// answered errors (and the same JSON-RPC code and HTTP status). The mock's
// blocks are produced so that the recorded submissions land at the
// recorded heights, which makes the recorded reads meaningful.
func TestWireConformance(t *testing.T) {
	wiretest.Dir(t)
	s := startServer(t, t.TempDir(), manualBlockTime, 0)

	// Submissions, in height order: each lands at its recorded height.
	submissions := []struct {
		name   string
		height uint64
	}{
		{"11-blob.Submit-empty-options", 64},
		{"17-blob.Submit-explicit-options", 81},
		{"31-blob.Submit-during-subscribe", 94},
		{"18-blob.Submit-bogus-commitment-field", 221},
		{"19-blob.Submit-two-blobs-two-namespaces", 227},
	}
	for _, sub := range submissions {
		t.Run(sub.name, func(t *testing.T) {
			for s.Height() < sub.height-1 {
				s.produceBlock(time.Now())
			}
			rec := wiretest.Load(t, sub.name)
			res := make(chan answer, 1)
			go func() { res <- post(s.Addr(), rec.Request) }()
			produceAfter(t, s, 1)
			got := <-res
			require.NoError(t, got.err)
			requireConforms(t, rec, got)
			require.JSONEq(t, string(rec.Response), string(got.body), "same height as recorded")
		})
	}
	for s.Height() < 230 {
		s.produceBlock(time.Now())
	}

	// Reads and refusals, replayed verbatim.
	for _, name := range []string{
		"01-node.Info", "02-header.NetworkHead", "03-header.GetByHeight", "03b-header.GetByHeight-stringheight",
		"05-state.Balance", "05a-state.Balance-before-funding",
		"12-blob.GetAll", "13-blob.Get", "14-blob.GetProof", "15-blob.Included", "15b-blob.Included-wrong-height",
		"18b-blob.GetAll-after-bogus-commitment", "19b-blob.GetAll-two-namespaces",
		"20-da.Submit", "21-da.GetIDs", "22-da.MaxBlobSize",
		"52-blob.Submit-badns-v0-nonzero-prefix", "53-blob.Submit-badns-reserved-tx-namespace",
		"54-blob.Submit-badns-10-bytes", "55-blob.Submit-badns-version1", "56-blob.GetAll-badns-10-bytes",
		"57-blob.GetAll-other-namespace-empty", "58-blob.Get-not-found", "59-blob.GetAll-future-height",
		"60-header.WaitForHeight", "62-blob.GetAll-stringheight",
	} {
		t.Run(name, func(t *testing.T) {
			rec := wiretest.Load(t, name)
			got := post(s.Addr(), rec.Request)
			require.NoError(t, got.err)
			requireConforms(t, rec, got)
		})
	}

	t.Run("blobs and commitments are the node's", func(t *testing.T) {
		for _, name := range []string{"12-blob.GetAll", "13-blob.Get", "18b-blob.GetAll-after-bogus-commitment", "19b-blob.GetAll-two-namespaces"} {
			rec := wiretest.Load(t, name)
			got := post(s.Addr(), rec.Request)
			require.NoError(t, got.err)
			// Everything but the square index (-1 on the mock) is equal.
			require.JSONEq(t, withoutIndex(t, rec.Response), withoutIndex(t, got.body), name)
		}
	})

	t.Run("15-blob.Included with the mock's own proof", func(t *testing.T) {
		proof := post(s.Addr(), wiretest.Load(t, "14-blob.GetProof").Request)
		require.NoError(t, proof.err)
		var res struct{ Result json.RawMessage }
		require.NoError(t, json.Unmarshal(proof.body, &res))
		req := strings.Replace(string(wiretest.Load(t, "15-blob.Included").Request),
			`[{"start": 1, "end": 2, "nodes": ["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAABH4UCkwYiH/A/3RxGUQNhpRev3Zywjj2mS58a/A3zlRp", "/////////////////////////////////////////////////////////////////////////////50CdtopasqPl1Lgh8YXu4kCNEp6kKMy8TlTeFYQOwu9"], "is_max_namespace_ignored": true}]`,
			string(res.Result), 1)
		got := post(s.Addr(), []byte(req))
		require.NoError(t, got.err)
		require.JSONEq(t, `{"jsonrpc":"2.0","id":15,"result":true}`, string(got.body))
	})

	t.Run("50-blob.Submit-oversize-8388222", func(t *testing.T) {
		// The recording holds a placeholder for the blob; send a real one.
		data := make([]byte, 8_388_222)
		_, err := rand.Read(data)
		require.NoError(t, err)
		rec := wiretest.Load(t, "50-blob.Submit-oversize-8388222")
		req := bytes.Replace(rec.Request, []byte("<base64 of 8388222 random bytes>"), []byte(base64.StdEncoding.EncodeToString(data)), 1)
		got := post(s.Addr(), req)
		require.NoError(t, got.err)
		requireConforms(t, rec, got)
		require.Contains(t, string(got.body), "tx too large")
	})

	t.Run("51-blob.Submit-oversize-13MiB-rpc-limit", func(t *testing.T) {
		rec := wiretest.Load(t, "51-blob.Submit-oversize-13MiB-rpc-limit")
		req := bytes.Replace(rec.Request, []byte("<base64 of 13631488 random bytes>"), []byte(base64.StdEncoding.EncodeToString(make([]byte, 13631488))), 1)
		got := post(s.Addr(), req)
		require.NoError(t, got.err)
		requireConforms(t, rec, got)
		require.JSONEq(t, string(rec.Response), string(got.body))
	})

	// Deliberate differences.
	t.Run("10-blob.Submit-null-options is refused, not a crash", func(t *testing.T) {
		got := post(s.Addr(), wiretest.Load(t, "10-blob.Submit-null-options").Request)
		require.NoError(t, got.err)
		require.Equal(t, 200, got.status)
		require.Contains(t, string(got.body), `"code":1`)
		require.Contains(t, string(got.body), "send {}")
	})
	t.Run("17b-blob.Submit-gasprice-too-low is accepted: no fees on the mock", func(t *testing.T) {
		res := make(chan answer, 1)
		go func() { res <- post(s.Addr(), wiretest.Load(t, "17b-blob.Submit-gasprice-too-low").Request) }()
		produceAfter(t, s, 1)
		got := <-res
		require.NoError(t, got.err)
		require.Contains(t, string(got.body), `"result":`)
	})
}

// requireConforms checks got against the recorded answer: same HTTP
// status and same JSON shape.
func requireConforms(t *testing.T, rec wiretest.Recording, got answer) {
	t.Helper()
	require.Equal(t, rec.HTTPStatus(), got.status, "HTTP status; answer %s", got.body)
	require.NoError(t, wiretest.SameShape(rec.Response, got.body), "answer %s", got.body)
}

// answer is one HTTP answer of the mock.
type answer struct {
	status int
	body   []byte
	err    error
}

// post sends a raw request body; safe to call outside the test goroutine.
func post(addr string, body []byte) answer {
	resp, err := http.Post("http://"+addr, "application/json", bytes.NewReader(body))
	if err != nil {
		return answer{err: err}
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return answer{err: fmt.Errorf("read answer: %w", err)}
	}
	return answer{status: resp.StatusCode, body: raw}
}

// withoutIndex drops the "index" of every blob in a blob.Get/GetAll answer.
func withoutIndex(t *testing.T, body []byte) string {
	t.Helper()
	var resp map[string]any
	require.NoError(t, json.Unmarshal(body, &resp))
	strip := func(b any) {
		if m, ok := b.(map[string]any); ok {
			delete(m, "index")
		}
	}
	if list, ok := resp["result"].([]any); ok {
		for _, b := range list {
			strip(b)
		}
	} else {
		strip(resp["result"])
	}
	out, err := json.Marshal(resp)
	require.NoError(t, err)
	return string(out)
}
