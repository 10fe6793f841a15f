package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Defaults of the restaking params.
const (
	DefaultUnbondingTime = 3 * 24 * time.Hour
	DefaultMaxEntries    = 7
	// DefaultMaxTimeStep lets the restaking clock follow any normal block
	// cadence (and a halt of up to an hour) while a sequencer clock jump of
	// days advances unbonding by one hour per block at most.
	DefaultMaxTimeStep = time.Hour
)

// DefaultParams returns the default params.
func DefaultParams() Params {
	return Params{
		UnbondingTime: DefaultUnbondingTime,
		AllowedDenoms: nil,
		RestakingCap:  sdkmath.LegacyZeroDec(),
		MaxEntries:    DefaultMaxEntries,
		MaxTimeStep:   DefaultMaxTimeStep,
	}
}

// Validate checks the params without state.
func (p Params) Validate() error {
	if p.UnbondingTime <= 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "unbonding_time must be positive, got %s", p.UnbondingTime)
	}
	if p.MaxEntries == 0 {
		return errorsmod.Wrap(ErrInvalidParams, "max_entries must be positive")
	}
	if p.MaxTimeStep <= 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "max_time_step must be positive, got %s", p.MaxTimeStep)
	}
	if p.RestakingCap.IsNil() || p.RestakingCap.IsNegative() {
		return errorsmod.Wrap(ErrInvalidParams, "restaking_cap must be zero (none) or positive")
	}
	seen := make(map[string]bool, len(p.AllowedDenoms))
	for _, d := range p.AllowedDenoms {
		if err := sdk.ValidateDenom(d); err != nil {
			return errorsmod.Wrapf(ErrInvalidParams, "allowed denom %q: %s", d, err)
		}
		if seen[d] {
			return errorsmod.Wrapf(ErrInvalidParams, "allowed denom %q listed twice", d)
		}
		seen[d] = true
	}
	return nil
}

// IsDenomRestakable tells whether the global list allows denom.
func (p Params) IsDenomRestakable(denom string) bool {
	if len(p.AllowedDenoms) == 0 {
		return true
	}
	for _, d := range p.AllowedDenoms {
		if d == denom {
			return true
		}
	}
	return false
}
