package types

import "context"

// OperatorsHooks lets other modules react to operator life-cycle changes.
//
// Contract: each hook runs inside the state transition that caused it, after
// (or, for BeforeOperatorDeleted, before) the operators module has written
// its own state. A returned error aborts the transaction; in BeginBlock
// (AfterOperatorInactivatingCompleted) it halts the chain, so that hook must
// only fail on a broken invariant.
type OperatorsHooks interface {
	// AfterOperatorRegistered is called once the operator is stored ACTIVE.
	AfterOperatorRegistered(ctx context.Context, operatorID uint32) error
	// AfterOperatorInactivatingStarted is called once the operator is
	// INACTIVATING and queued.
	AfterOperatorInactivatingStarted(ctx context.Context, operatorID uint32) error
	// AfterOperatorInactivatingCompleted is called by BeginBlock once the
	// operator is INACTIVE.
	AfterOperatorInactivatingCompleted(ctx context.Context, operatorID uint32) error
	// AfterOperatorReactivated is called once an INACTIVE operator is ACTIVE.
	AfterOperatorReactivated(ctx context.Context, operatorID uint32) error
	// BeforeOperatorDeleted is called after the OperatorDeletionGuard agreed
	// and before the operator and its params are removed; use it to clean up.
	BeforeOperatorDeleted(ctx context.Context, operatorID uint32) error
}

// MultiOperatorsHooks runs several hooks in order, stopping at the first
// error.
type MultiOperatorsHooks []OperatorsHooks

var _ OperatorsHooks = MultiOperatorsHooks{}

// NewMultiOperatorsHooks combines hooks.
func NewMultiOperatorsHooks(hooks ...OperatorsHooks) MultiOperatorsHooks { return hooks }

func (h MultiOperatorsHooks) each(fn func(OperatorsHooks) error) error {
	for _, hook := range h {
		if err := fn(hook); err != nil {
			return err
		}
	}
	return nil
}

// AfterOperatorRegistered implements OperatorsHooks.
func (h MultiOperatorsHooks) AfterOperatorRegistered(ctx context.Context, id uint32) error {
	return h.each(func(x OperatorsHooks) error { return x.AfterOperatorRegistered(ctx, id) })
}

// AfterOperatorInactivatingStarted implements OperatorsHooks.
func (h MultiOperatorsHooks) AfterOperatorInactivatingStarted(ctx context.Context, id uint32) error {
	return h.each(func(x OperatorsHooks) error { return x.AfterOperatorInactivatingStarted(ctx, id) })
}

// AfterOperatorInactivatingCompleted implements OperatorsHooks.
func (h MultiOperatorsHooks) AfterOperatorInactivatingCompleted(ctx context.Context, id uint32) error {
	return h.each(func(x OperatorsHooks) error { return x.AfterOperatorInactivatingCompleted(ctx, id) })
}

// AfterOperatorReactivated implements OperatorsHooks.
func (h MultiOperatorsHooks) AfterOperatorReactivated(ctx context.Context, id uint32) error {
	return h.each(func(x OperatorsHooks) error { return x.AfterOperatorReactivated(ctx, id) })
}

// BeforeOperatorDeleted implements OperatorsHooks.
func (h MultiOperatorsHooks) BeforeOperatorDeleted(ctx context.Context, id uint32) error {
	return h.each(func(x OperatorsHooks) error { return x.BeforeOperatorDeleted(ctx, id) })
}
