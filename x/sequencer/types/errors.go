package types

import "cosmossdk.io/errors"

// Registered errors of the sequencer module. Codes are never renumbered.
var (
	ErrInvalidSequencer = errors.Register(ModuleName, 2, "invalid sequencer")
	ErrNoSequencer      = errors.Register(ModuleName, 3, "no sequencer in state")
	// ErrInvalidForcedInclusion: the forced-inclusion lane's rules are
	// inconsistent (genesis).
	ErrInvalidForcedInclusion = errors.Register(ModuleName, 4, "invalid forced-inclusion lane")
)
