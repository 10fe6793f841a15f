package types

import (
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis: default params, no services, ids from 1.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextServiceId: 1}
}

// Validate checks the genesis state: params, each service, unique ids below
// next_service_id, and params only for existing services.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextServiceId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_service_id must be at least 1")
	}
	ids := make(map[uint32]bool, len(gs.Services))
	for _, s := range gs.Services {
		if err := s.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if ids[s.Id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "service %d listed twice", s.Id)
		}
		if s.Id >= gs.NextServiceId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "service %d is not below next_service_id %d", s.Id, gs.NextServiceId)
		}
		ids[s.Id] = true
	}
	seen := make(map[uint32]bool, len(gs.ServicesParams))
	for _, r := range gs.ServicesParams {
		if !ids[r.ServiceId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "params for unknown service %d", r.ServiceId)
		}
		if seen[r.ServiceId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "params for service %d listed twice", r.ServiceId)
		}
		seen[r.ServiceId] = true
		if err := r.Params.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
	}
	return nil
}
