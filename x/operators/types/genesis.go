package types

import (
	"fmt"
	"time"

	"cosmossdk.io/errors"
)

// NewGenesisState builds a genesis state.
func NewGenesisState(
	params Params,
	nextOperatorID uint32,
	operators []Operator,
	inactivating []InactivatingOperator,
	operatorsParams []OperatorParamsRecord,
) *GenesisState {
	return &GenesisState{
		Params:                params,
		NextOperatorId:        nextOperatorID,
		Operators:             operators,
		InactivatingOperators: inactivating,
		OperatorsParams:       operatorsParams,
	}
}

// DefaultGenesis has no operators; the first one gets id 1.
func DefaultGenesis() *GenesisState {
	return NewGenesisState(DefaultParams(), 1, nil, nil, nil)
}

// Validate checks the genesis state is one the keeper could have exported:
// valid params and operators, ids below next_operator_id, exactly one params
// record per operator, and the inactivation queue holding exactly the
// INACTIVATING operators.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return invalidGenesis(err)
	}
	if gs.NextOperatorId == 0 {
		return ErrInvalidGenesis.Wrap("next operator id must be at least 1")
	}
	status := make(map[uint32]OperatorStatus, len(gs.Operators))
	for _, op := range gs.Operators {
		if err := op.Validate(); err != nil {
			return invalidGenesis(err)
		}
		if _, dup := status[op.Id]; dup {
			return ErrInvalidGenesis.Wrapf("duplicate operator %d", op.Id)
		}
		if op.Id >= gs.NextOperatorId {
			return ErrInvalidGenesis.Wrapf("operator %d is not below next operator id %d", op.Id, gs.NextOperatorId)
		}
		status[op.Id] = op.Status
	}

	hasParams := make(map[uint32]bool, len(gs.OperatorsParams))
	for _, rec := range gs.OperatorsParams {
		if _, ok := status[rec.OperatorId]; !ok {
			return ErrInvalidGenesis.Wrapf("params for unknown operator %d", rec.OperatorId)
		}
		if hasParams[rec.OperatorId] {
			return ErrInvalidGenesis.Wrapf("duplicate params for operator %d", rec.OperatorId)
		}
		if err := rec.Params.Validate(); err != nil {
			return invalidGenesis(errors.Wrapf(err, "operator %d params", rec.OperatorId))
		}
		hasParams[rec.OperatorId] = true
	}

	queued := make(map[uint32]bool, len(gs.InactivatingOperators))
	for _, entry := range gs.InactivatingOperators {
		st, ok := status[entry.OperatorId]
		if !ok {
			return ErrInvalidGenesis.Wrapf("inactivating entry for unknown operator %d", entry.OperatorId)
		}
		if st != OPERATOR_STATUS_INACTIVATING {
			return ErrInvalidGenesis.Wrapf("queued operator %d is %s, not inactivating", entry.OperatorId, st)
		}
		if queued[entry.OperatorId] {
			return ErrInvalidGenesis.Wrapf("operator %d queued twice", entry.OperatorId)
		}
		if !validQueueTime(entry.CompletionTime) {
			return ErrInvalidGenesis.Wrapf("operator %d completion time %s out of range", entry.OperatorId, entry.CompletionTime)
		}
		queued[entry.OperatorId] = true
	}

	for _, op := range gs.Operators {
		if !hasParams[op.Id] {
			return ErrInvalidGenesis.Wrapf("operator %d has no params", op.Id)
		}
		if op.Status == OPERATOR_STATUS_INACTIVATING && !queued[op.Id] {
			return ErrInvalidGenesis.Wrapf("inactivating operator %d is not queued", op.Id)
		}
	}
	return nil
}

// validQueueTime reports whether t can be a queue key: set, and with a
// four-digit year so its fixed-width encoding sorts correctly.
func validQueueTime(t time.Time) bool {
	return !t.IsZero() && t.Year() >= 1 && t.Year() <= 9999
}

// invalidGenesis marks err as a genesis error while keeping it matchable
// with errors.Is.
func invalidGenesis(err error) error {
	return fmt.Errorf("%w: %w", ErrInvalidGenesis, err)
}
