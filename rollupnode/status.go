package rollupnode

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/rollkit/rollkit/block"
	"github.com/rollkit/rollkit/store"

	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
)

// StatusPath is where the RPC listener serves Status as JSON.
const StatusPath = "/sequencer_status"

// Status is what an operator asks of a rollup node: how far it is, and how
// much of that is safe on the DA layer.
type Status struct {
	// Role is "sequencer" or "full-node".
	Role    string `json:"role"`
	ChainID string `json:"chain_id"`
	// LatestHeight is the last block this node executed and stored.
	LatestHeight uint64 `json:"latest_height"`
	// DAIncludedHeight is the highest block known to be on the DA layer:
	// for the sequencer, the last block the DA accepted (persisted by
	// rollkit across restarts); for a full node, the highest block it read
	// from DA since it started.
	DAIncludedHeight uint64 `json:"da_included_height"`
	// PendingBlocks are blocks produced but not yet on DA (sequencer only).
	PendingBlocks uint64 `json:"pending_blocks"`
	// FraudHalt is set when this node found sequencer fraud and stopped
	// following the sequencer (see rollupnode/fraud); absent otherwise.
	FraudHalt *fraud.HaltStatus `json:"fraud_halt,omitempty"`
}

// StatusSource gathers a Status from the running node.
type StatusSource struct {
	Role     string
	ChainID  string
	Store    store.Store
	Included func() uint64 // highest height seen on DA by the gateway
	// Fraud reports the fraud halt (nil while following); nil func: none.
	Fraud func() *fraud.HaltStatus
}

// Status reads the current status.
func (s StatusSource) Status(ctx context.Context) Status {
	st := Status{Role: s.Role, ChainID: s.ChainID, LatestHeight: s.Store.Height()}
	st.DAIncludedHeight = s.Included()
	if raw, err := s.Store.GetMetadata(ctx, block.LastSubmittedHeightKey); err == nil {
		if h, err := strconv.ParseUint(string(raw), 10, 64); err == nil && h > st.DAIncludedHeight {
			st.DAIncludedHeight = h
		}
	}
	if s.Role == RoleSequencer && st.LatestHeight > st.DAIncludedHeight {
		st.PendingBlocks = st.LatestHeight - st.DAIncludedHeight
	}
	if s.Fraud != nil {
		st.FraudHalt = s.Fraud()
	}
	return st
}

// Handler serves the status as JSON.
func (s StatusSource) Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s.Status(r.Context()))
	})
}
