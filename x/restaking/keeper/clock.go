package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// The restaking clock is the time source of every time-based rule here
// (unbonding completion and maturity). On a rollup the single sequencer
// sets block times; a sequencer whose clock jumps days ahead must not be
// able to mature every unbonding at once. So the clock:
//
//   - never goes backwards (monotonic), and
//   - advances by at most params.max_time_step per block.
//
// It is advanced once per block in BeginBlock and read everywhere else.

// Now returns the restaking clock for this block.
func (k *Keeper) Now(ctx context.Context) (time.Time, error) {
	t, err := k.clock.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return sdk.UnwrapSDKContext(ctx).BlockTime(), nil
	}
	return t, err
}

// advanceClock moves the clock toward the block time, bounded by the step.
func (k *Keeper) advanceClock(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	blockTime := sdkCtx.BlockTime()
	last, err := k.clock.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return k.clock.Set(ctx, blockTime)
	}
	if err != nil {
		return err
	}
	params, err := k.params.Get(ctx)
	if err != nil {
		return err
	}
	next := blockTime
	switch {
	case next.Before(last):
		next = last
	case next.Sub(last) > params.MaxTimeStep:
		next = last.Add(params.MaxTimeStep)
		if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventClockClamped{BlockTime: blockTime, Clock: next}); err != nil {
			return err
		}
	}
	return k.clock.Set(ctx, next)
}
