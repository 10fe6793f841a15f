package types

import "cosmossdk.io/errors"

// Registered errors of the prices module. Codes are never renumbered.
var (
	ErrInvalidGenesis = errors.Register(ModuleName, 2, "invalid genesis state")
	ErrInvalidAddress = errors.Register(ModuleName, 3, "invalid address")
	ErrNotFeeder      = errors.Register(ModuleName, 4, "sender is not a price feeder")
	ErrInvalidTicker  = errors.Register(ModuleName, 5, "invalid ticker")
	ErrInvalidPrice   = errors.Register(ModuleName, 6, "invalid price")
	ErrInvalidParams  = errors.Register(ModuleName, 7, "invalid params")
	ErrPriceNotFound  = errors.Register(ModuleName, 8, "no price posted for ticker")
	ErrInvalidCoins   = errors.Register(ModuleName, 9, "invalid coins")
)
