package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Target is something users restake to: a pool, an operator or a service.
// Every delegation path takes a Target, so the logic exists once.
type Target struct {
	Type    DelegationType
	ID      uint32
	Address sdk.AccAddress
	// AllowedDenoms narrows the restakable denoms for this target (a
	// service's own list); empty means only the global list applies.
	AllowedDenoms []string
}

// Validate checks the type is one of the three kinds.
func (t DelegationType) Validate() error {
	switch t {
	case DELEGATION_TYPE_POOL, DELEGATION_TYPE_OPERATOR, DELEGATION_TYPE_SERVICE:
		return nil
	default:
		return errorsmod.Wrapf(ErrInvalidTarget, "unknown delegation type %d", t)
	}
}

// AllowsDenom tells whether the target's own list allows denom.
func (t Target) AllowsDenom(denom string) bool {
	if len(t.AllowedDenoms) == 0 {
		return true
	}
	for _, d := range t.AllowedDenoms {
		if d == denom {
			return true
		}
	}
	return false
}
