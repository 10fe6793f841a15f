package types

import (
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultDeactivationTime is how long an operator stays INACTIVATING.
const DefaultDeactivationTime = 72 * time.Hour

// NewParams builds module params.
func NewParams(registrationFee sdk.Coins, deactivationTime time.Duration) Params {
	return Params{OperatorRegistrationFee: registrationFee, DeactivationTime: deactivationTime}
}

// DefaultParams charges no fee and deactivates after three days.
func DefaultParams() Params {
	return NewParams(nil, DefaultDeactivationTime)
}

// Validate checks the fee coins and that the deactivation time is positive.
func (p Params) Validate() error {
	if err := validateCoins(p.OperatorRegistrationFee); err != nil {
		return ErrInvalidParams.Wrapf("operator registration fee: %s", err)
	}
	if p.DeactivationTime <= 0 {
		return ErrInvalidParams.Wrapf("deactivation time %s must be positive", p.DeactivationTime)
	}
	return nil
}

// validateCoins is sdk.Coins.Validate that also rejects unset amounts, which
// would make Validate panic on input decoded from the wire.
func validateCoins(coins sdk.Coins) error {
	for _, c := range coins {
		if c.Amount.IsNil() {
			return ErrInvalidFee.Wrapf("coin %q has no amount", c.Denom)
		}
	}
	return coins.Validate()
}
