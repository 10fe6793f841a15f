package types

import "cosmossdk.io/errors"

// Registered errors of the operators module. Codes are contiguous from 2 and
// never renumbered; add new ones at the end.
//
// Errors marked "not returned any more" keep their registration so their
// codes are never reused: wrong-signer checks return the shared errors of
// x/internal/access (codespace "access").
var (
	ErrInvalidGenesis          = errors.Register(ModuleName, 2, "invalid genesis state")
	ErrOperatorNotFound        = errors.Register(ModuleName, 3, "operator not found")
	ErrInvalidOperatorID       = errors.Register(ModuleName, 4, "invalid operator id")
	ErrUnauthorized            = errors.Register(ModuleName, 5, "signer is not the operator admin") // not returned any more: access.ErrNotAdmin; code reserved
	ErrInvalidAddress          = errors.Register(ModuleName, 6, "invalid address")
	ErrInvalidMetadata         = errors.Register(ModuleName, 7, "invalid operator metadata")
	ErrOperatorNotActive       = errors.Register(ModuleName, 8, "operator is not active")
	ErrOperatorNotInactive     = errors.Register(ModuleName, 9, "operator is not inactive")
	ErrInsufficientFee         = errors.Register(ModuleName, 10, "insufficient registration fee")
	ErrInvalidFee              = errors.Register(ModuleName, 11, "invalid fee amount")
	ErrInvalidCommission       = errors.Register(ModuleName, 12, "invalid commission rates")
	ErrCommissionAboveMax      = errors.Register(ModuleName, 13, "commission rate above the maximum")
	ErrCommissionChangeTooBig  = errors.Register(ModuleName, 14, "commission increase above the maximum change rate")
	ErrCommissionUpdateTooSoon = errors.Register(ModuleName, 15, "commission changed less than 24 hours ago")
	ErrInvalidParams           = errors.Register(ModuleName, 16, "invalid params")
	ErrInvalidAuthority        = errors.Register(ModuleName, 17, "invalid authority") // not returned any more: access.ErrNotGovAuthority; code reserved
	ErrOperatorIDsExhausted    = errors.Register(ModuleName, 18, "operator ids exhausted")
)
