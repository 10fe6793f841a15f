package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultGenesis is the default genesis: default params, no funds.
func DefaultGenesis() *GenesisState { return &GenesisState{Params: DefaultParams()} }

// Validate checks the genesis without state.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, f := range gs.UserInsuranceFunds {
		if _, err := sdk.AccAddressFromBech32(f.User); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "insurance fund user %q: %s", f.User, err)
		}
		if seen[f.User] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "insurance fund of %s listed twice", f.User)
		}
		seen[f.User] = true
		if err := f.Balance.Validate(); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "insurance fund of %s: %s", f.User, err)
		}
	}
	for _, b := range gs.PendingBurns {
		if _, err := sdk.AccAddressFromBech32(b.User); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pending burn user %q: %s", b.User, err)
		}
		if err := validateLockedCoins(b.Amount); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pending burn of %s: %s", b.User, err)
		}
	}
	return nil
}
