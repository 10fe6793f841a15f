package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// TargetHooks clears a deleted operator's or service's rewards state. The
// restaking deletion guard already made sure nobody delegates to it, so
// what is left is commission (paid to the admin), a service's plans (ended,
// budgets returned) and rounding crumbs (dust).
type TargetHooks struct{ k *Keeper }

var (
	_ operatorstypes.OperatorsHooks = TargetHooks{}
	_ servicestypes.ServicesHooks   = TargetHooks{}
)

// TargetHooks returns the hooks to install in x/operators and x/services.
func (k *Keeper) TargetHooks() TargetHooks { return TargetHooks{k: k} }

// BeforeOperatorDeleted force-withdraws the commission and clears the target.
func (h TargetHooks) BeforeOperatorDeleted(ctx context.Context, operatorID uint32) error {
	op, err := h.k.operators.GetOperator(ctx, operatorID)
	if err != nil {
		return err
	}
	admin, err := sdk.AccAddressFromBech32(op.Admin)
	if err != nil {
		return err
	}
	if _, err := h.k.payCommission(ctx, operatorID, admin, true); err != nil {
		return err
	}
	return h.k.clearTarget(ctx, restakingtypes.DELEGATION_TYPE_OPERATOR, operatorID)
}

// BeforeServiceDeleted ends the service's plans and clears the target.
func (h TargetHooks) BeforeServiceDeleted(ctx context.Context, serviceID uint32) error {
	if err := h.k.endServicePlans(ctx, serviceID); err != nil {
		return err
	}
	return h.k.clearTarget(ctx, restakingtypes.DELEGATION_TYPE_SERVICE, serviceID)
}

// clearTarget moves a target's leftover outstanding to dust and drops its
// bucket ratios.
func (k *Keeper) clearTarget(ctx context.Context, t restakingtypes.DelegationType, id uint32) error {
	key := targetKey(t, id)
	left, err := getCoins(ctx, k.outstanding, key)
	if err != nil {
		return err
	}
	if err := k.addDust(ctx, left); err != nil {
		return err
	}
	if err := k.outstanding.Remove(ctx, key); err != nil {
		return err
	}
	return k.rewardsPerShare.Clear(ctx, collections.NewPrefixedPairRange[TargetKey, BucketID](key))
}

// The other life-cycle events change who is paid at the next allocation,
// which reads statuses then; nothing to do now.

func (TargetHooks) AfterOperatorRegistered(context.Context, uint32) error            { return nil }
func (TargetHooks) AfterOperatorInactivatingStarted(context.Context, uint32) error   { return nil }
func (TargetHooks) AfterOperatorInactivatingCompleted(context.Context, uint32) error { return nil }
func (TargetHooks) AfterOperatorReactivated(context.Context, uint32) error           { return nil }
func (TargetHooks) AfterServiceCreated(context.Context, uint32) error                { return nil }
func (TargetHooks) AfterServiceActivated(context.Context, uint32) error              { return nil }
func (TargetHooks) AfterServiceDeactivated(context.Context, uint32) error            { return nil }
func (TargetHooks) AfterServiceAccreditationModified(context.Context, uint32) error  { return nil }
