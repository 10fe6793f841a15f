package celestia

import (
	"errors"
	"fmt"
	"strings"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// Errors of the client that are about the connection to the node rather
// than about blobs (those are da's: da.ErrBlobNotFound,
// da.ErrHeightFromFuture, da.ErrBlobTooLarge, da.ErrInvalidNamespace).
// They are returned wrapped with the node address, the method and a fix.
var (
	// ErrUnreachable: no HTTP answer (connection refused, DNS, TLS...).
	ErrUnreachable = errors.New("DA layer unreachable")

	// ErrUnauthorized: the node refused the auth token (HTTP 401/403) or
	// the token lacks the permission the method needs.
	ErrUnauthorized = errors.New("DA node refused the auth token")

	// ErrInsufficientFee: the gas price is below the node's or the
	// network's minimum (celestia-app's "insufficient fee", code 13).
	ErrInsufficientFee = errors.New("DA fee too low")

	// ErrUnfunded: the node's account cannot pay for the blob transaction:
	// it never received funds (celestia-node: "account for signer ... not
	// found") or its balance is below the fee (celestia-app's "insufficient
	// funds", code 5).
	ErrUnfunded = errors.New("DA node's account cannot pay for blobs")

	// ErrMethodNotFound: the node does not serve a method of celestia-node's
	// blob API (JSON-RPC -32601), e.g. a go-da-only server.
	ErrMethodNotFound = errors.New("DA node does not serve celestia-node's blob API")

	// ErrProtocol: an answer that is not the JSON-RPC the client expects.
	ErrProtocol = errors.New("unexpected answer from the DA node")

	// ErrInvalidRequest: a goda.DA call the client refuses before sending
	// anything (no blobs, ids and proofs that do not pair up).
	ErrInvalidRequest = errors.New("invalid DA request")
)

// JSON-RPC error codes seen from celestia-node (go-jsonrpc).
const (
	codeParse          = -32700 // params that do not decode, request too big
	codeMethodNotFound = -32601
)

// RPCError is a JSON-RPC error answered by the node, with the HTTP status
// it came with (celestia-node: 200 for node errors, code 1; 500 for
// protocol errors, codes -32xxx, and panics, code 0).
type RPCError struct {
	Method     string
	Code       int
	Message    string
	HTTPStatus int
}

func (e *RPCError) Error() string {
	return fmt.Sprintf("%s: %s (JSON-RPC code %d, HTTP %d)", e.Method, e.Message, e.Code, e.HTTPStatus)
}

// classify turns a node error into the error callers test for. Over
// JSON-RPC celestia-node only sends a code and a text, and most node errors
// share code 1, so the text is all there is to go on; this is the one place
// that reads it. The substrings are the ones recorded from celestia-node
// v0.32.1 (wire_test.go) and go-jsonrpc's auth layer.
func classify(addr string, e *RPCError) error {
	msg := e.Message
	switch {
	case e.Code == codeMethodNotFound:
		return fmt.Errorf("%w at %s: %w; point the DA address at a celestia-node light node (tested with v0.32.1) or at `milkywayd da serve`",
			ErrMethodNotFound, addr, e)
	case strings.Contains(msg, da.ErrHeightFromFuture.Error()):
		return fmt.Errorf("%w: %w", da.ErrHeightFromFuture, e)
	case strings.HasPrefix(msg, da.ErrBlobNotFound.Error()):
		return fmt.Errorf("%w: %w", da.ErrBlobNotFound, e)
	case strings.Contains(msg, "account for signer") && strings.Contains(msg, "not found"),
		strings.Contains(msg, "insufficient funds"):
		return fmt.Errorf("%w: %w; fund the DA node's account with utia (its address: `celestia state account-address`, or the JSON-RPC state.AccountAddress)",
			ErrUnfunded, e)
	case strings.Contains(msg, "insufficient minimum gas price"), strings.Contains(msg, "insufficient fee"):
		return fmt.Errorf("%w: %w; raise --rollkit.da_gas_price to at least the minimum the message names, or set it to -1 to let the node estimate it",
			ErrInsufficientFee, e)
	case strings.Contains(msg, "tx too large"), strings.Contains(msg, "code: 21"), strings.Contains(msg, "request bigger than maximum"):
		// code 21 is celestia-app's ErrTxTooLarge; the RPC size limit
		// (16 MiB of JSON) is hit first for larger blobs.
		return fmt.Errorf("%w: %w", da.ErrBlobTooLarge, e)
	case strings.Contains(msg, "missing permission"):
		return fmt.Errorf("%w at %s: %w; use a token with write permission (`celestia light auth write`) in --rollkit.da_auth_token",
			ErrUnauthorized, addr, e)
	case e.Code == codeParse && strings.Contains(msg, "namespace"):
		return fmt.Errorf("%w: %w", da.ErrInvalidNamespace, e)
	}
	return e
}
