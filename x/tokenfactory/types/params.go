package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultDenomCreationGasConsume is the reference chain's default: creating
// a denom costs about as much gas as a few dozen sends.
const DefaultDenomCreationGasConsume uint64 = 1_000_000

// NewParams builds Params.
func NewParams(fee sdk.Coins, gasConsume uint64) Params {
	return Params{DenomCreationFee: fee, DenomCreationGasConsume: gasConsume}
}

// DefaultParams: no fee and 1,000,000 extra gas per denom, as in the
// reference chain.
func DefaultParams() Params { return NewParams(nil, DefaultDenomCreationGasConsume) }

// Validate checks the params without state.
func (p Params) Validate() error {
	// sdk.Coins.Validate panics on a coin without an amount (as JSON
	// without "amount" decodes); refuse it first.
	for _, c := range p.DenomCreationFee {
		if c.Amount.IsNil() {
			return errorsmod.Wrapf(ErrInvalidParams, "denom creation fee: %s has no amount", c.Denom)
		}
	}
	if err := p.DenomCreationFee.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "denom creation fee: %s", err)
	}
	return nil
}
