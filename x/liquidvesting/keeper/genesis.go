package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// InitGenesis loads the genesis. It also creates the module account, so
// that deposits and mints find a module account at its address.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	k.accounts.GetModuleAccount(ctx, types.ModuleName)
	if err := k.params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, f := range gs.UserInsuranceFunds {
		if err := k.setInsuranceFund(ctx, sdk.MustAccAddressFromBech32(f.User), f.Balance); err != nil {
			return err
		}
	}
	for _, b := range gs.PendingBurns {
		if err := k.addPendingBurn(ctx, b.CompletionTime, sdk.MustAccAddressFromBech32(b.User), b.Amount); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the state.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	err = k.insuranceFunds.Walk(ctx, nil, func(user sdk.AccAddress, f types.UserInsuranceFund) (bool, error) {
		gs.UserInsuranceFunds = append(gs.UserInsuranceFunds, types.UserInsuranceFundRecord{User: user.String(), Balance: f.Balance})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.pendingBurns.Walk(ctx, nil, func(_ collections.Pair[time.Time, sdk.AccAddress], b types.PendingBurn) (bool, error) {
		gs.PendingBurns = append(gs.PendingBurns, b)
		return false, nil
	})
	return gs, err
}
