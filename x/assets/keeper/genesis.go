package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

// InitGenesis loads the registered assets. The genesis must be valid.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	for _, a := range gs.Assets {
		if err := k.saveAsset(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the registered assets, by denom.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := types.DefaultGenesis()
	err := k.IterateAssets(ctx, func(a types.Asset) (bool, error) {
		gs.Assets = append(gs.Assets, a)
		return false, nil
	})
	return gs, err
}
