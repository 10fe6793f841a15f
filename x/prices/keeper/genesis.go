package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/milkyway-labs/milkyway-rollup/x/prices/types"
)

func postKey(ticker, feeder string) collections.Pair[string, string] {
	return collections.Join(ticker, feeder)
}

// InitGenesis loads params and posts. The genesis must be valid.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, p := range gs.Posts {
		if err := k.posts.Set(ctx, postKey(p.Ticker, p.Feeder), p); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports params and posts. Posts by accounts that are no
// longer feeders are dropped (they no longer count anyway).
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	err = k.posts.Walk(ctx, nil, func(_ collections.Pair[string, string], p types.PricePost) (bool, error) {
		if params.IsFeeder(p.Feeder) {
			gs.Posts = append(gs.Posts, p)
		}
		return false, nil
	})
	return gs, err
}
