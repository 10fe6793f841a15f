package cmd

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"cosmossdk.io/log"
	cmtypes "github.com/cometbft/cometbft/types"
	goda "github.com/rollkit/go-da"
	rollnode "github.com/rollkit/rollkit/node"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// flagTestCensorSigner makes a test build's sequencer ignore forced
// transactions signed by one address, to play a censoring sequencer in
// tests/e2e. Production builds refuse it (censor_prod.go).
const flagTestCensorSigner = "rollup.test_censor_signer"

func addLaneFlags(cmd *cobra.Command) {
	cmd.Flags().String(flagTestCensorSigner, "", "TEST BUILDS ONLY (-tags censortest): the sequencer ignores forced-inclusion transactions signed by this address")
	_ = cmd.Flags().MarkHidden(flagTestCensorSigner)
}

// laneRules reads the forced-inclusion lane's rules from the genesis file:
// every node must apply the same ones, from the first block on.
func laneRules(application *app.App, genDoc *cmtypes.GenesisDoc) (sequencertypes.ForcedInclusion, error) {
	var state map[string]json.RawMessage
	if err := json.Unmarshal(genDoc.AppState, &state); err != nil {
		return sequencertypes.ForcedInclusion{}, fmt.Errorf("genesis app state: %w", err)
	}
	var gs sequencertypes.GenesisState
	if raw, ok := state[sequencertypes.ModuleName]; ok {
		if err := application.AppCodec().UnmarshalJSON(raw, &gs); err != nil {
			return gs.ForcedInclusion, fmt.Errorf("genesis %s state: %w", sequencertypes.ModuleName, err)
		}
	}
	return gs.ForcedInclusion, gs.ForcedInclusion.Validate()
}

// laneTxCheck is the lane's test of "is a transaction": the app's own
// decoder, the same on every node.
func laneTxCheck(application *app.App) lane.TxCheck {
	decode := application.TxConfig().TxDecoder()
	return func(tx []byte) error {
		_, err := decode(tx)
		return err
	}
}

// laneSetup is what milkywayd start does for the lane on either role.
type laneSetup struct {
	rules    sequencertypes.ForcedInclusion
	app      *app.App
	upstream *celestia.Client
	logger   log.Logger
}

// fullNodeCheck is the fraud detector's lane check on a full node.
func (s laneSetup) fullNodeCheck(node *rollnode.FullNode) *fraud.LaneCheck {
	if !s.rules.Enabled() {
		return nil
	}
	ns := s.rules.Namespace
	tracker := lane.NewTracker(lane.TrackerConfig{
		Rules: s.rules, Check: laneTxCheck(s.app), Logger: s.logger.With("module", "forced-lane"),
		Read: func(ctx context.Context, h uint64) ([]lane.Blob, error) {
			return lane.ReadHeight(ctx, s.upstream, ns, h)
		},
		Committed: func(hash [32]byte) (uint64, bool) {
			r, err := node.TxIndexer.Get(hash[:])
			if err != nil || r == nil {
				return 0, false
			}
			return uint64(r.Height), true
		},
		Indexed: func(h uint64) bool {
			ok, err := node.BlockIndexer.Has(int64(h))
			return err == nil && ok
		},
	})
	return &fraud.LaneCheck{Tracker: tracker, Namespace: ns, Proof: func(ctx context.Context, id []byte) ([]byte, error) {
		proofs, err := s.upstream.GetProofs(ctx, []goda.ID{id}, ns)
		if err != nil || len(proofs) != 1 {
			return nil, fmt.Errorf("proof of %X: %v", id, err)
		}
		return proofs[0], nil
	}}
}

// runSequencerLane makes the sequencer read the lane and put what is due
// first in its blocks. It returns once the follower runs.
// ignore is nil except in test builds (censorFilter).
func (s laneSetup) runSequencerLane(ctx context.Context, node *rollnode.FullNode, daBlockTime time.Duration, ignore func(lane.Forced) bool) error {
	if !s.rules.Enabled() {
		s.logger.Info("this chain has no forced-inclusion lane (genesis sequencer.forced_inclusion is empty)")
		return nil
	}
	head, err := s.upstream.NetworkHead(ctx)
	if err != nil {
		return fmt.Errorf("reading the DA head for the forced-inclusion lane: %w", err)
	}
	queue := lane.NewQueue()
	s.app.SetForcedTxSource(queue)
	follower := &lane.Follower{
		DA: s.upstream, Rules: s.rules, Check: laneTxCheck(s.app), Queue: queue, Ignore: ignore,
		Logger: s.logger, Poll: max(daBlockTime/2, 100*time.Millisecond),
		Committed: func(hash [32]byte) bool {
			r, err := node.TxIndexer.Get(hash[:])
			return err == nil && r != nil
		},
	}
	go follower.Run(ctx, lane.StartHeight(s.rules, head.Height))
	return nil
}
