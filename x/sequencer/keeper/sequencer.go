package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// GetSequencer returns the sequencer. The proto codec unpacks the key's Any
// on read, so PubKey() works on the result.
func (k Keeper) GetSequencer(ctx context.Context) (types.Sequencer, error) {
	seq, err := k.sequencer.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Sequencer{}, types.ErrNoSequencer
	}
	return seq, err
}

// GetForcedInclusion returns the lane's rules; a chain whose genesis
// predates the lane has it off (the zero value).
func (k Keeper) GetForcedInclusion(ctx context.Context) (types.ForcedInclusion, error) {
	f, err := k.forcedInclusion.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return types.ForcedInclusion{}, nil
	}
	return f, err
}
