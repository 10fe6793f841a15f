package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultMaxPriceAge: a price not refreshed for 10 minutes is stale.
const DefaultMaxPriceAge = 10 * time.Minute

// MaxFeeders bounds the feeder set, and with it the cost of a median.
const MaxFeeders = 50

// DefaultParams: no feeders (no prices until governance names some).
func DefaultParams() Params { return Params{MaxPriceAge: DefaultMaxPriceAge} }

// Validate checks the params without state.
func (p Params) Validate() error {
	if p.MaxPriceAge <= 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "max_price_age must be positive, got %s", p.MaxPriceAge)
	}
	if len(p.Feeders) > MaxFeeders {
		return errorsmod.Wrapf(ErrInvalidParams, "at most %d feeders", MaxFeeders)
	}
	seen := map[string]bool{}
	for _, f := range p.Feeders {
		if _, err := sdk.AccAddressFromBech32(f); err != nil {
			return errorsmod.Wrapf(ErrInvalidParams, "feeder %q: %s", f, err)
		}
		if seen[f] {
			return errorsmod.Wrapf(ErrInvalidParams, "feeder %s listed twice", f)
		}
		seen[f] = true
	}
	return nil
}

// IsFeeder tells whether addr may post prices.
func (p Params) IsFeeder(addr string) bool {
	for _, f := range p.Feeders {
		if f == addr {
			return true
		}
	}
	return false
}
