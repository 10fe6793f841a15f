package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

var _ types.QueryServer = Keeper{}

// Sequencer implements Query/Sequencer.
func (k Keeper) Sequencer(ctx context.Context, _ *types.QuerySequencerRequest) (*types.QuerySequencerResponse, error) {
	seq, err := k.GetSequencer(ctx)
	if err != nil {
		return nil, err
	}
	addr, err := seq.ConsAddress()
	if err != nil {
		return nil, err
	}
	lane, err := k.GetForcedInclusion(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QuerySequencerResponse{Sequencer: seq, ConsensusAddress: sdk.ConsAddress(addr).String(), ForcedInclusion: lane}, nil
}
