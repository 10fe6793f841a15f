package types

import "cosmossdk.io/errors"

// Registered errors of the tokenfactory module. Codes are never renumbered.
//
// Errors marked "not returned any more" keep their registration so their
// codes are never reused: wrong-signer checks return the shared errors of
// x/internal/access (codespace "access").
var (
	ErrInvalidGenesis   = errors.Register(ModuleName, 2, "invalid genesis state")
	ErrDenomExists      = errors.Register(ModuleName, 3, "denom already exists")
	ErrUnauthorized     = errors.Register(ModuleName, 4, "sender is not the denom admin") // not returned any more: access.ErrNotAdmin; code reserved
	ErrInvalidDenom     = errors.Register(ModuleName, 5, "invalid factory denom")
	ErrInvalidSubdenom  = errors.Register(ModuleName, 6, "invalid subdenom")
	ErrInvalidAddress   = errors.Register(ModuleName, 7, "invalid address")
	ErrDenomNotFound    = errors.Register(ModuleName, 8, "factory denom not found")
	ErrInvalidAmount    = errors.Register(ModuleName, 9, "invalid amount")
	ErrInvalidMetadata  = errors.Register(ModuleName, 10, "invalid denom metadata")
	ErrInsufficientFee  = errors.Register(ModuleName, 11, "cannot pay the denom creation fee")
	ErrInvalidParams    = errors.Register(ModuleName, 12, "invalid params")
	ErrProtectedAccount = errors.Register(ModuleName, 13, "account is in another module's custody")
	ErrBlockedRecipient = errors.Register(ModuleName, 14, "recipient may not receive funds")
)
