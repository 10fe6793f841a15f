package types

import (
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis: default params, no denoms.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate checks the genesis state: params, each denom well formed and
// listed once, each authority valid.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	seen := make(map[string]bool, len(gs.FactoryDenoms))
	for _, d := range gs.FactoryDenoms {
		if _, _, err := DeconstructDenom(d.Denom); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if seen[d.Denom] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "denom %s listed twice", d.Denom)
		}
		seen[d.Denom] = true
		if err := d.AuthorityMetadata.Validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "denom %s: %s", d.Denom, err)
		}
	}
	return nil
}
