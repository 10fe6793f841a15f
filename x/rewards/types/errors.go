package types

import "cosmossdk.io/errors"

// Registered errors of the rewards module. Codes are never renumbered.
//
// Errors marked "not returned any more" keep their registration so their
// codes are never reused: wrong-signer checks return the shared errors of
// x/internal/access (codespace "access").
var (
	ErrInvalidGenesis      = errors.Register(ModuleName, 2, "invalid genesis state")
	ErrInvalidAddress      = errors.Register(ModuleName, 3, "invalid address")
	ErrInvalidParams       = errors.Register(ModuleName, 4, "invalid params")
	ErrInvalidPlan         = errors.Register(ModuleName, 5, "invalid rewards plan")
	ErrPlanNotFound        = errors.Register(ModuleName, 6, "rewards plan not found")
	ErrUnauthorized        = errors.Register(ModuleName, 7, "unauthorized") // not returned any more: access.ErrNotAdmin / ErrNotGovAuthority; code reserved
	ErrServiceNotFound     = errors.Register(ModuleName, 8, "service not found")
	ErrOperatorNotFound    = errors.Register(ModuleName, 9, "operator not found")
	ErrInvalidDistribution = errors.Register(ModuleName, 10, "invalid distribution")
	ErrPlanEnded           = errors.Register(ModuleName, 11, "rewards plan has ended")
	ErrInvalidFunds        = errors.Register(ModuleName, 12, "invalid funds")
	ErrDelegationNotFound  = errors.Register(ModuleName, 13, "delegation not found")
	ErrInvalidTarget       = errors.Register(ModuleName, 14, "invalid delegation target")
	ErrNoRewards           = errors.Register(ModuleName, 15, "nothing to withdraw")
	ErrBlockedAddress      = errors.Register(ModuleName, 16, "address cannot receive rewards")
)
