package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// InitGenesis loads the services state. The genesis must be valid.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.params.Set(ctx, gs.Params); err != nil {
		return err
	}
	// Sequence stores the *next* value, which is what genesis holds.
	if err := k.nextServiceID.Set(ctx, uint64(gs.NextServiceId)); err != nil {
		return err
	}
	for _, s := range gs.Services {
		if err := k.saveService(ctx, s); err != nil {
			return err
		}
		k.createServiceAccount(ctx, s.Id)
	}
	for _, r := range gs.ServicesParams {
		if err := k.serviceParams.Set(ctx, r.ServiceId, r.Params); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the services state.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.nextServiceID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, NextServiceId: uint32(next)}
	err = k.services.Walk(ctx, nil, func(_ uint32, s types.Service) (bool, error) {
		gs.Services = append(gs.Services, s)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.serviceParams.Walk(ctx, nil, func(id uint32, p types.ServiceParams) (bool, error) {
		gs.ServicesParams = append(gs.ServicesParams, types.ServiceParamsRecord{ServiceId: id, Params: p})
		return false, nil
	})
	return gs, err
}
