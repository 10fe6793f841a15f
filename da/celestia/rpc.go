package celestia

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
)

// maxResponseSize bounds what the client reads from one answer. A blob is
// at most ~8 MiB (11 MiB as base64) and blob.GetAll returns one namespace's
// blobs of one height, so this only stops a misbehaving endpoint.
const maxResponseSize = 256 << 20

// rpc is a minimal JSON-RPC 2.0 client over HTTP POST, the transport
// celestia-node serves on its RPC port.
type rpc struct {
	addr  string
	token string
	http  *http.Client
	ids   atomic.Uint64
}

type rpcRequest struct {
	JSONRPC string `json:"jsonrpc"`
	ID      uint64 `json:"id"`
	Method  string `json:"method"`
	Params  []any  `json:"params"`
}

type rpcResponse struct {
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// call invokes method with params and decodes the result into out (nil to
// ignore it). Node errors come back classified (see classify); transport
// failures as ErrUnreachable, HTTP 401/403 as ErrUnauthorized. A context
// error keeps its text ("context deadline exceeded"), which rollkit's
// submit loop recognises.
func (c *rpc) call(ctx context.Context, method string, out any, params ...any) error {
	if params == nil {
		params = []any{} // celestia-node expects "params":[], not null
	}
	body, err := json.Marshal(rpcRequest{JSONRPC: "2.0", ID: c.ids.Add(1), Method: method, Params: params})
	if err != nil {
		return fmt.Errorf("%s: encode request: %w", method, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.addr, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return fmt.Errorf("%s at %s: %w", method, c.addr, ctxErr)
		}
		return fmt.Errorf("%w at %s: %s: %w (is the DA node running? check --rollkit.da_address)", ErrUnreachable, c.addr, method, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden {
		return fmt.Errorf("%w at %s (HTTP %d on %s); pass a valid token with --rollkit.da_auth_token (or --da-auth-token), e.g. from `celestia light auth write --p2p.network <network>`",
			ErrUnauthorized, c.addr, resp.StatusCode, method)
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, maxResponseSize+1))
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return fmt.Errorf("%s at %s: %w", method, c.addr, ctxErr)
		}
		return fmt.Errorf("%w at %s: %s: read answer: %w", ErrUnreachable, c.addr, method, err)
	}
	if len(raw) > maxResponseSize {
		return fmt.Errorf("%w: %s at %s answered more than %d bytes", ErrProtocol, method, c.addr, maxResponseSize)
	}
	var r rpcResponse
	if err := json.Unmarshal(raw, &r); err != nil {
		return fmt.Errorf("%w: %s at %s answered HTTP %d with %q; is the DA address the node's RPC endpoint (port 26658)?",
			ErrProtocol, method, c.addr, resp.StatusCode, snippet(raw))
	}
	if r.Error != nil {
		return classify(c.addr, &RPCError{Method: method, Code: r.Error.Code, Message: r.Error.Message, HTTPStatus: resp.StatusCode})
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%w: %s at %s answered HTTP %d without a JSON-RPC error", ErrProtocol, method, c.addr, resp.StatusCode)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(r.Result, out); err != nil {
		return fmt.Errorf("%w: %s at %s: decode result: %w", ErrProtocol, method, c.addr, err)
	}
	return nil
}

// snippet shortens an unexpected answer for an error message.
func snippet(b []byte) string {
	const n = 120
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}
