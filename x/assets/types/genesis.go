package types

import (
	errorsmod "cosmossdk.io/errors"
)

// NewGenesisState builds a GenesisState.
func NewGenesisState(assets []Asset) *GenesisState {
	return &GenesisState{Assets: assets}
}

// DefaultGenesis: no assets.
func DefaultGenesis() *GenesisState { return NewGenesisState(nil) }

// Validate checks the genesis state: every asset valid, each denom once.
func (gs GenesisState) Validate() error {
	seen := make(map[string]bool, len(gs.Assets))
	for _, a := range gs.Assets {
		if err := a.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if seen[a.Denom] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "asset %s listed twice", a.Denom)
		}
		seen[a.Denom] = true
	}
	return nil
}
