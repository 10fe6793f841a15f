package keeper

import (
	"context"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// TargetHooks lets restaking clean up after x/operators and x/services.
// Deletion itself is only possible once the deletion guard found no stake.
type TargetHooks struct{ k *Keeper }

// TargetHooks returns the hooks to install in x/operators and x/services.
func (k *Keeper) TargetHooks() TargetHooks { return TargetHooks{k: k} }

var (
	_ operatorstypes.OperatorsHooks = TargetHooks{}
	_ servicestypes.ServicesHooks   = TargetHooks{}
)

// BeforeOperatorDeleted drops the operator's joins and allowlist entries. A
// service whose allowlist loses its last operator is deactivated rather
// than silently opened to every operator.
func (h TargetHooks) BeforeOperatorDeleted(ctx context.Context, operatorID uint32) error {
	k := h.k
	joined, err := k.joinedServices(ctx, operatorID)
	if err != nil {
		return err
	}
	for _, serviceID := range joined {
		if err := k.leave(ctx, operatorID, serviceID); err != nil {
			return err
		}
	}
	allowedIn, err := k.allowingServices(ctx, operatorID)
	if err != nil {
		return err
	}
	for _, serviceID := range allowedIn {
		if err := k.setAllowed(ctx, serviceID, operatorID, false); err != nil {
			return err
		}
		empty, err := k.isAllowListEmpty(ctx, serviceID)
		if err != nil {
			return err
		}
		if empty {
			if err := k.services.DeactivateServiceForEmptyAllowList(ctx, serviceID); err != nil {
				return err
			}
		}
	}
	return nil
}

// BeforeServiceDeleted drops the service's joins, allowlist and borrowed pools.
func (h TargetHooks) BeforeServiceDeleted(ctx context.Context, serviceID uint32) error {
	k := h.k
	operators, err := k.joinedOperators(ctx, serviceID)
	if err != nil {
		return err
	}
	for _, operatorID := range operators {
		if err := k.leave(ctx, operatorID, serviceID); err != nil {
			return err
		}
	}
	allowed, err := k.allowedOperators(ctx, serviceID)
	if err != nil {
		return err
	}
	for _, operatorID := range allowed {
		if err := k.setAllowed(ctx, serviceID, operatorID, false); err != nil {
			return err
		}
	}
	pools, err := k.securingPools(ctx, serviceID)
	if err != nil {
		return err
	}
	for _, poolID := range pools {
		if err := k.serviceSecuringPools.Remove(ctx, idKey(serviceID, poolID)); err != nil {
			return err
		}
	}
	return nil
}

// The remaining hooks need no action from restaking.

// AfterOperatorRegistered implements OperatorsHooks.
func (TargetHooks) AfterOperatorRegistered(context.Context, uint32) error { return nil }

// AfterOperatorInactivatingStarted implements OperatorsHooks.
func (TargetHooks) AfterOperatorInactivatingStarted(context.Context, uint32) error { return nil }

// AfterOperatorInactivatingCompleted implements OperatorsHooks.
func (TargetHooks) AfterOperatorInactivatingCompleted(context.Context, uint32) error { return nil }

// AfterOperatorReactivated implements OperatorsHooks.
func (TargetHooks) AfterOperatorReactivated(context.Context, uint32) error { return nil }

// AfterServiceCreated implements ServicesHooks.
func (TargetHooks) AfterServiceCreated(context.Context, uint32) error { return nil }

// AfterServiceActivated implements ServicesHooks.
func (TargetHooks) AfterServiceActivated(context.Context, uint32) error { return nil }

// AfterServiceDeactivated implements ServicesHooks.
func (TargetHooks) AfterServiceDeactivated(context.Context, uint32) error { return nil }

// AfterServiceAccreditationModified implements ServicesHooks.
func (TargetHooks) AfterServiceAccreditationModified(context.Context, uint32) error { return nil }
