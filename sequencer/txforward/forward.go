package txforward

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// broadcastMethods are the CometBFT RPC methods that submit a transaction.
var broadcastMethods = map[string]bool{
	"broadcast_tx_sync":   true,
	"broadcast_tx_async":  true,
	"broadcast_tx_commit": true,
}

// maxBody bounds a forwarded request: a transaction is at most the
// sequencer's max tx size (1 MiB by default), hex or base64 encoded, plus
// the JSON around it.
const maxBody = 4 << 20

// commitTimeout bounds broadcast_tx_commit, which waits for the block.
const commitTimeout = 90 * time.Second

// Handler serves the node's RPC with next, except the broadcast calls,
// which go to the sequencer at sequencerURL (http://host:port). With an
// empty sequencerURL they are refused with an error that names the flag,
// instead of landing in a mempool no block producer reads.
func Handler(next http.Handler, sequencerURL, flag string) http.Handler {
	f := &forwarder{next: next, target: strings.TrimSuffix(sequencerURL, "/"), flag: flag,
		client: &http.Client{Timeout: commitTimeout}}
	return f
}

type forwarder struct {
	next   http.Handler
	target string
	flag   string
	client *http.Client
}

func (f *forwarder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	method := strings.TrimPrefix(r.URL.Path, "/")
	switch {
	case r.Method == http.MethodGet && broadcastMethods[method]:
		f.forward(w, r, nil, rawID("-1"))
	case r.Method == http.MethodPost && (r.URL.Path == "/" || r.URL.Path == ""):
		f.servePost(w, r)
	default:
		f.next.ServeHTTP(w, r)
	}
}

// servePost forwards a JSON-RPC POST whose method is a broadcast and hands
// any other request, unread, to next.
func (f *forwarder) servePost(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil {
		writeError(w, rawID("-1"), codeInvalidRequest, "reading the request: "+err.Error())
		return
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if len(body) > maxBody {
		f.next.ServeHTTP(w, r) // too big for a tx; let the RPC server refuse it
		return
	}
	id, method, batch := peek(body)
	switch {
	case batch && method != "":
		writeError(w, rawID("-1"), codeInvalidRequest,
			"a full node forwards "+method+" to the sequencer only as a single request, not inside a batch; send it on its own")
	case broadcastMethods[method]:
		f.forward(w, r, body, id)
	default:
		f.next.ServeHTTP(w, r)
	}
}

// peek reads the id and method of a JSON-RPC request. For a batch it
// returns the first broadcast method in it, if any.
func peek(body []byte) (id json.RawMessage, method string, batch bool) {
	type request struct {
		ID     json.RawMessage `json:"id"`
		Method string          `json:"method"`
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var reqs []request
		_ = json.Unmarshal(trimmed, &reqs)
		for _, q := range reqs {
			if broadcastMethods[q.Method] {
				return nil, q.Method, true
			}
		}
		return nil, "", true
	}
	var q request
	_ = json.Unmarshal(trimmed, &q)
	return q.ID, q.Method, false
}

// forward sends the request to the sequencer and copies its answer back.
func (f *forwarder) forward(w http.ResponseWriter, r *http.Request, body []byte, id json.RawMessage) {
	if f.target == "" {
		writeError(w, id, codeInternal, fmt.Sprintf(
			"this is a full node without a sequencer to forward transactions to; start it with --%s <sequencer RPC> or send the transaction to the sequencer", f.flag))
		return
	}
	url := f.target + r.URL.RequestURI()
	req, err := http.NewRequestWithContext(r.Context(), r.Method, url, bytes.NewReader(body))
	if err != nil {
		writeError(w, id, codeInternal, "forwarding to the sequencer: "+err.Error())
		return
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := f.client.Do(req)
	if err != nil {
		writeError(w, id, codeInternal, fmt.Sprintf(
			"the full node could not reach the sequencer at %s to forward the transaction: %v; retry later or send it to the sequencer directly", f.target, err))
		return
	}
	defer resp.Body.Close()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, io.LimitReader(resp.Body, maxBody))
}
