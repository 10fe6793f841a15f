package types

import "cosmossdk.io/errors"

// Registered errors of the liquidvesting module. Codes are never renumbered.
var (
	ErrInvalidGenesis           = errors.Register(ModuleName, 2, "invalid genesis state")
	ErrInvalidParams            = errors.Register(ModuleName, 3, "invalid params")
	ErrInvalidAddress           = errors.Register(ModuleName, 4, "invalid address")
	ErrInvalidAmount            = errors.Register(ModuleName, 5, "invalid amount")
	ErrNotMinter                = errors.Register(ModuleName, 6, "sender is not a minter")
	ErrNotBurner                = errors.Register(ModuleName, 7, "sender is not a burner")
	ErrNotLockedDenom           = errors.Register(ModuleName, 8, "not a locked representation denom")
	ErrInsufficientLocked       = errors.Register(ModuleName, 9, "user holds fewer locked tokens than asked")
	ErrInsufficientInsurance    = errors.Register(ModuleName, 10, "insurance fund does not cover the restaked locked tokens")
	ErrWithdrawExceedsUncovered = errors.Register(ModuleName, 11, "withdrawal exceeds the uncovered part of the insurance fund")
	ErrChannelNotAllowed        = errors.Register(ModuleName, 12, "insurance deposits are not allowed on this channel")
	ErrInvalidDepositMemo       = errors.Register(ModuleName, 13, "malformed insurance deposit memo")
	ErrDepositMismatch          = errors.Register(ModuleName, 14, "deposit amounts do not match the received coins")
	ErrInvalidDepositReceiver   = errors.Register(ModuleName, 15, "insurance deposits must be sent to the module account")
	ErrLockedSendRefused        = errors.Register(ModuleName, 16, "locked tokens may not move between these accounts")
	ErrModuleAccountSendRefused = errors.Register(ModuleName, 17, "the module account only receives insurance deposits and burns")
)
