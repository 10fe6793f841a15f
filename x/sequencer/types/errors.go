package types

import "cosmossdk.io/errors"

// Registered errors of the sequencer module. Codes are never renumbered.
var (
	ErrInvalidSequencer = errors.Register(ModuleName, 2, "invalid sequencer")
	ErrNoSequencer      = errors.Register(ModuleName, 3, "no sequencer in state")
)
