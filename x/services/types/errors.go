package types

import "cosmossdk.io/errors"

// Registered errors of the services module. Codes are never renumbered.
//
// Errors marked "not returned any more" keep their registration so their
// codes are never reused: wrong-signer checks return the shared errors of
// x/internal/access (codespace "access").
var (
	ErrInvalidGenesis         = errors.Register(ModuleName, 2, "invalid genesis state")
	ErrServiceNotFound        = errors.Register(ModuleName, 3, "service not found")
	ErrUnauthorized           = errors.Register(ModuleName, 4, "sender is not the service admin") // not returned any more: admin checks return access.ErrNotAdmin; the code stays reserved
	ErrInvalidStatus          = errors.Register(ModuleName, 5, "service status does not allow this")
	ErrInsufficientFee        = errors.Register(ModuleName, 6, "insufficient registration fee")
	ErrInvalidMetadata        = errors.Register(ModuleName, 7, "invalid service metadata")
	ErrInvalidAddress         = errors.Register(ModuleName, 8, "invalid address")
	ErrInvalidParams          = errors.Register(ModuleName, 9, "invalid params")
	ErrServiceInUse           = errors.Register(ModuleName, 10, "service still secures stake")
	ErrInvalidServiceID       = errors.Register(ModuleName, 11, "invalid service id")
	ErrInvalidServiceParams   = errors.Register(ModuleName, 12, "invalid service params")
	ErrAccreditationUnchanged = errors.Register(ModuleName, 13, "accreditation already in that state")
)
