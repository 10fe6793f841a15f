package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	abci "github.com/cometbft/cometbft/abci/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"

	"github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// SequencerPower is the voting power reported for the sequencer. It only has
// to match the power in the genesis file's consensus validators, which
// BaseApp compares with what InitGenesis returns.
const SequencerPower = 1

// InitGenesis stores the sequencer and the lane's rules and returns the
// sequencer as the only validator.
func (k Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) ([]abci.ValidatorUpdate, error) {
	if err := gs.Validate(); err != nil {
		return nil, err
	}
	if err := k.sequencer.Set(ctx, gs.Sequencer); err != nil {
		return nil, err
	}
	if err := k.forcedInclusion.Set(ctx, gs.ForcedInclusion); err != nil {
		return nil, err
	}
	update, err := ValidatorUpdate(gs.Sequencer)
	if err != nil {
		return nil, err
	}
	return []abci.ValidatorUpdate{update}, nil
}

// ExportGenesis returns the stored sequencer and lane.
func (k Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	seq, err := k.GetSequencer(ctx)
	if err != nil {
		return nil, err
	}
	lane, err := k.GetForcedInclusion(ctx)
	if err != nil {
		return nil, err
	}
	return &types.GenesisState{Sequencer: seq, ForcedInclusion: lane}, nil
}

// ValidatorUpdate converts the sequencer into the CometBFT validator rollkit
// expects at InitChain.
func ValidatorUpdate(seq types.Sequencer) (abci.ValidatorUpdate, error) {
	pk, err := seq.PubKey()
	if err != nil {
		return abci.ValidatorUpdate{}, err
	}
	tmPk, err := cryptocodec.ToCmtProtoPublicKey(pk)
	if err != nil {
		return abci.ValidatorUpdate{}, errorsmod.Wrap(types.ErrInvalidSequencer, err.Error())
	}
	return abci.ValidatorUpdate{PubKey: tmPk, Power: SequencerPower}, nil
}
