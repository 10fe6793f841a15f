package types

import "cosmossdk.io/errors"

// Registered errors of the restaking module. Codes are never renumbered.
//
// Errors marked "not returned any more" keep their registration so their
// codes are never reused: wrong-signer checks return the shared errors of
// x/internal/access (codespace "access").
var (
	ErrInvalidGenesis       = errors.Register(ModuleName, 2, "invalid genesis state")
	ErrInvalidAddress       = errors.Register(ModuleName, 3, "invalid address")
	ErrInvalidAmount        = errors.Register(ModuleName, 4, "invalid amount")
	ErrInvalidTarget        = errors.Register(ModuleName, 5, "invalid delegation target")
	ErrTargetNotFound       = errors.Register(ModuleName, 6, "delegation target not found")
	ErrTargetNotActive      = errors.Register(ModuleName, 7, "delegation target is not active")
	ErrDenomNotRestakable   = errors.Register(ModuleName, 8, "denom is not restakable here")
	ErrInvalidExchangeRate  = errors.Register(ModuleName, 9, "target has shares but no tokens: delegation refused")
	ErrDelegationNotFound   = errors.Register(ModuleName, 10, "delegation not found")
	ErrInsufficientShares   = errors.Register(ModuleName, 11, "not enough delegated")
	ErrMaxEntries           = errors.Register(ModuleName, 12, "too many unbonding entries for this target; wait for one to mature")
	ErrInvalidParams        = errors.Register(ModuleName, 13, "invalid params")
	ErrTargetInUse          = errors.Register(ModuleName, 14, "target still has delegations or unbondings")
	ErrRestakingCapExceeded = errors.Register(ModuleName, 15, "restaking cap exceeded")
	ErrZeroShares           = errors.Register(ModuleName, 16, "amount too small: it would buy zero shares")
	ErrUnauthorized         = errors.Register(ModuleName, 17, "sender is not the admin") // not returned any more: access.ErrNotAdmin; code reserved
	ErrNotAllowed           = errors.Register(ModuleName, 18, "operator is not on the service's allowlist")
	ErrAlreadyJoined        = errors.Register(ModuleName, 19, "operator already joined the service")
	ErrNotJoined            = errors.Register(ModuleName, 20, "operator has not joined the service")
	ErrAlreadyAllowed       = errors.Register(ModuleName, 21, "operator is already on the allowlist")
	ErrAlreadyBorrowed      = errors.Register(ModuleName, 22, "service already borrows this pool")
	ErrNotBorrowed          = errors.Register(ModuleName, 23, "service does not borrow this pool")
	ErrInvalidPreferences   = errors.Register(ModuleName, 24, "invalid user preferences")
)

// ErrInvalidSlash: a slash fraction outside (0, 1].
var ErrInvalidSlash = errors.Register(ModuleName, 25, "invalid slash")

// ErrInvalidTrustClass: a trust class, class event or class membership in
// genesis that does not add up (docs/adr/002, amendment 2).
var ErrInvalidTrustClass = errors.Register(ModuleName, 26, "invalid trust class")
