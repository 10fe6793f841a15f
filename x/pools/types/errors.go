package types

import "cosmossdk.io/errors"

// Registered errors of the pools module. Codes are never renumbered.
var (
	ErrInvalidGenesis = errors.Register(ModuleName, 2, "invalid genesis state")
	ErrPoolNotFound   = errors.Register(ModuleName, 3, "pool not found")
	ErrInvalidDenom   = errors.Register(ModuleName, 4, "invalid pool denom")
	ErrInvalidPool    = errors.Register(ModuleName, 5, "invalid pool")
)
