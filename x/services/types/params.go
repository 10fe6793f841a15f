package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// NewParams builds Params.
func NewParams(registrationFee sdk.Coins) Params {
	return Params{ServiceRegistrationFee: registrationFee}
}

// DefaultParams: no registration fee.
func DefaultParams() Params { return NewParams(nil) }

// Validate checks the params without state.
func (p Params) Validate() error {
	if err := p.ServiceRegistrationFee.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "service registration fee: %s", err)
	}
	return nil
}

// Validate checks a service's params: denoms valid and not repeated.
func (p ServiceParams) Validate() error {
	seen := make(map[string]bool, len(p.AllowedDenoms))
	for _, denom := range p.AllowedDenoms {
		if err := sdk.ValidateDenom(denom); err != nil {
			return errorsmod.Wrapf(ErrInvalidServiceParams, "allowed denom %q: %s", denom, err)
		}
		if seen[denom] {
			return errorsmod.Wrapf(ErrInvalidServiceParams, "allowed denom %q listed twice", denom)
		}
		seen[denom] = true
	}
	return nil
}

// DefaultServiceParams: any globally restakable denom.
func DefaultServiceParams() ServiceParams { return ServiceParams{AllowedDenoms: nil} }
