package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
)

// DefaultMaxAllocationStep: one block pays for at most an hour, so a halt
// or a clock jump cannot release days of rewards at once.
const DefaultMaxAllocationStep = time.Hour

// GasPerExistingPlan is charged at plan creation for every plan already
// stored: each plan adds work to every block.
const GasPerExistingPlan = 200_000

// DefaultParams: no creation fee, one-hour allocation step.
func DefaultParams() Params { return Params{MaxAllocationStep: DefaultMaxAllocationStep} }

// Validate checks the params without state.
func (p Params) Validate() error {
	if p.MaxAllocationStep <= 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "max_allocation_step must be positive, got %s", p.MaxAllocationStep)
	}
	if err := p.PlanCreationFee.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "plan_creation_fee: %s", err)
	}
	return nil
}
