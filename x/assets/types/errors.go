package types

import "cosmossdk.io/errors"

// Registered errors of the assets module. Codes are never renumbered.
var (
	ErrInvalidGenesis  = errors.Register(ModuleName, 2, "invalid genesis state")
	ErrAssetNotFound   = errors.Register(ModuleName, 3, "asset not found")
	ErrInvalidDenom    = errors.Register(ModuleName, 4, "invalid denom")
	ErrInvalidTicker   = errors.Register(ModuleName, 5, "invalid ticker")
	ErrInvalidExponent = errors.Register(ModuleName, 6, "invalid exponent")
	ErrInvalidAddress  = errors.Register(ModuleName, 7, "invalid address")
)
