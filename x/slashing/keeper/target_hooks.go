package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TargetHooks clears a deleted operator's or service's slashing state: task
// keys, jails and (for a service) its rules. Slashes stay as the record of
// what happened; a pending one against a deleted target ends FAILED.
type TargetHooks struct{ k *Keeper }

var (
	_ operatorstypes.OperatorsHooks = TargetHooks{}
	_ servicestypes.ServicesHooks   = TargetHooks{}
)

// TargetHooks returns the hooks to install in x/operators and x/services.
func (k *Keeper) TargetHooks() TargetHooks { return TargetHooks{k: k} }

// BeforeOperatorDeleted removes the operator's keys and jails (one prefix each).
func (h TargetHooks) BeforeOperatorDeleted(ctx context.Context, operatorID uint32) error {
	rng := collections.NewPrefixedPairRange[uint32, uint32](operatorID)
	if err := h.k.operatorKeys.Clear(ctx, rng); err != nil {
		return err
	}
	if err := h.k.jails.Clear(ctx, rng); err != nil {
		return err
	}
	return h.k.forgetSequencing(ctx, func(s types.SequencingService) bool { return s.OperatorId == operatorID })
}

// forgetSequencing drops the sequencing record when its service or
// operator is deleted (sequencer evidence is then refused: ErrNoSequencing).
func (k *Keeper) forgetSequencing(ctx context.Context, gone func(types.SequencingService) bool) error {
	s, err := k.sequencing.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) || (err == nil && !gone(s)) {
		return nil
	}
	if err != nil {
		return err
	}
	return k.sequencing.Remove(ctx)
}

// BeforeServiceDeleted removes the service's rules, and the keys and jails
// operators hold for it (a walk over keys and jails: deletion is rare).
func (h TargetHooks) BeforeServiceDeleted(ctx context.Context, serviceID uint32) error {
	if err := h.k.configs.Remove(ctx, serviceID); err != nil {
		return err
	}
	if err := h.k.forgetSequencing(ctx, func(s types.SequencingService) bool { return s.ServiceId == serviceID }); err != nil {
		return err
	}
	var keys, jails []OperatorServiceKey
	err := h.k.operatorKeys.Walk(ctx, nil, func(key OperatorServiceKey, _ types.OperatorKey) (bool, error) {
		if key.K2() == serviceID {
			keys = append(keys, key)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	err = h.k.jails.Walk(ctx, nil, func(key OperatorServiceKey, _ time.Time) (bool, error) {
		if key.K2() == serviceID {
			jails = append(jails, key)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, key := range keys {
		if err := h.k.operatorKeys.Remove(ctx, key); err != nil {
			return err
		}
	}
	for _, key := range jails {
		if err := h.k.jails.Remove(ctx, key); err != nil {
			return err
		}
	}
	return nil
}

// The other life-cycle hooks need nothing from slashing.

// AfterOperatorRegistered is a no-op.
func (TargetHooks) AfterOperatorRegistered(context.Context, uint32) error { return nil }

// AfterOperatorInactivatingStarted is a no-op.
func (TargetHooks) AfterOperatorInactivatingStarted(context.Context, uint32) error { return nil }

// AfterOperatorInactivatingCompleted is a no-op.
func (TargetHooks) AfterOperatorInactivatingCompleted(context.Context, uint32) error { return nil }

// AfterOperatorReactivated is a no-op.
func (TargetHooks) AfterOperatorReactivated(context.Context, uint32) error { return nil }

// AfterServiceCreated is a no-op.
func (TargetHooks) AfterServiceCreated(context.Context, uint32) error { return nil }

// AfterServiceActivated is a no-op.
func (TargetHooks) AfterServiceActivated(context.Context, uint32) error { return nil }

// AfterServiceDeactivated is a no-op.
func (TargetHooks) AfterServiceDeactivated(context.Context, uint32) error { return nil }

// AfterServiceAccreditationModified is a no-op.
func (TargetHooks) AfterServiceAccreditationModified(context.Context, uint32) error { return nil }
