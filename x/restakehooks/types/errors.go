package types

import "cosmossdk.io/errors"

// Registered errors of the restake-on-arrival middleware. Codes are never
// renumbered: the acknowledgement of a refused packet carries the codespace,
// the code and the description, and acknowledgements are committed state.
var (
	ErrMalformedMemo     = errors.Register(ModuleName, 2, "restake memo is malformed")
	ErrUnknownMemoField  = errors.Register(ModuleName, 3, "restake memo has a field it does not define")
	ErrUnknownTargetType = errors.Register(ModuleName, 4, "restake memo names an unknown target type")
	ErrMissingTargetID   = errors.Register(ModuleName, 5, "restake memo needs a positive target id")
	ErrInvalidReceiver   = errors.Register(ModuleName, 6, "receiver is not an address of this chain")
	ErrInvalidPacket     = errors.Register(ModuleName, 7, "transfer packet cannot be restaked")
)
