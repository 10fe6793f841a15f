package txforward

import (
	"encoding/json"
	"net/http"
)

// JSON-RPC 2.0 error codes, as CometBFT's RPC server uses them.
const (
	codeInvalidRequest = -32600
	codeInternal       = -32603
)

func rawID(s string) json.RawMessage { return json.RawMessage(s) }

// writeError answers in CometBFT's error shape: the code's standard
// message, the explanation in data, and the HTTP status CometBFT uses (200
// for a method that failed, 400 for a request it refuses).
func writeError(w http.ResponseWriter, id json.RawMessage, code int, data string) {
	if len(id) == 0 {
		id = rawID("-1")
	}
	message := map[int]string{codeInvalidRequest: "Invalid Request", codeInternal: "Internal error"}[code]
	resp := struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   struct {
			Code    int    `json:"code"`
			Message string `json:"message"`
			Data    string `json:"data"`
		} `json:"error"`
	}{JSONRPC: "2.0", ID: id}
	resp.Error.Code, resp.Error.Message, resp.Error.Data = code, message, data
	w.Header().Set("Content-Type", "application/json")
	status := http.StatusOK
	if code == codeInvalidRequest {
		status = http.StatusBadRequest
	}
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(resp)
}
