package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// InitGenesis loads the tokenfactory state and creates the module account
// (Minter and Burner) so it exists before the first mint.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	k.accountKeeper.GetModuleAccount(ctx, types.ModuleName)
	if err := k.params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, d := range gs.FactoryDenoms {
		if err := k.createDenom(ctx, d.Denom, d.AuthorityMetadata.Admin); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the tokenfactory state.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	err = k.denoms.Walk(ctx, nil, func(denom string, m types.DenomAuthorityMetadata) (bool, error) {
		gs.FactoryDenoms = append(gs.FactoryDenoms, types.GenesisDenom{Denom: denom, AuthorityMetadata: m})
		return false, nil
	})
	return gs, err
}
