package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// getPlan returns a plan or ErrPlanNotFound.
func (k *Keeper) getPlan(ctx context.Context, id uint64) (types.RewardsPlan, error) {
	plan, err := k.plans.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return plan, errorsmod.Wrapf(types.ErrPlanNotFound, "plan %d", id)
	}
	return plan, err
}

// requireServiceAdmin returns the service if signer administers it.
func (k *Keeper) requireServiceAdmin(ctx context.Context, serviceID uint32, signer string) (servicestypes.Service, error) {
	service, err := k.services.GetService(ctx, serviceID)
	if errorsmod.IsOf(err, servicestypes.ErrServiceNotFound) {
		return service, errorsmod.Wrapf(types.ErrServiceNotFound, "service %d", serviceID)
	}
	if err != nil {
		return service, err
	}
	if err := access.RequireAdmin(service.Admin, signer, "service %d", serviceID); err != nil {
		return service, err
	}
	return service, nil
}

// fundPlan moves amount from the funder into the escrow.
func (k *Keeper) fundPlan(ctx context.Context, plan *types.RewardsPlan, funder sdk.AccAddress, amount sdk.Coin) error {
	if !amount.IsPositive() {
		return nil
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, funder, types.EscrowAccount, sdk.NewCoins(amount)); err != nil {
		return err
	}
	plan.Remaining = plan.Remaining.Add(amount)
	return nil
}

// endPlan returns the plan's remaining budget to the service admin and
// deletes the plan. It runs when the end time passed, on cancel, and when
// the service is deleted.
func (k *Keeper) endPlan(ctx context.Context, plan types.RewardsPlan, cancelled bool) error {
	service, err := k.services.GetService(ctx, plan.ServiceId)
	if err != nil {
		return err
	}
	admin, err := sdk.AccAddressFromBech32(service.Admin)
	if err != nil {
		return err
	}
	if plan.Remaining.IsPositive() {
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.EscrowAccount, admin, sdk.NewCoins(plan.Remaining)); err != nil {
			return err
		}
	}
	// After the block's allocation whatever is still unpaid had no budget
	// (a top-up in this block is returned, not counted as paid).
	unpaid := sdkmath.MaxInt(plan.Unpaid(), sdkmath.ZeroInt())
	if err := k.plans.Remove(ctx, plan.Id); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRewardsPlanEnded{
		PlanId: plan.Id, Cancelled: cancelled, ReturnedTo: service.Admin, Returned: plan.Remaining,
		Unpaid: sdk.NewCoin(plan.AmountPerDay.Denom, unpaid),
	})
}

// endServicePlans ends every plan of a service (the service is going away).
// Plans are few; the walk is over plans, not delegators.
func (k *Keeper) endServicePlans(ctx context.Context, serviceID uint32) error {
	var ended []types.RewardsPlan
	err := k.plans.Walk(ctx, nil, func(_ uint64, p types.RewardsPlan) (bool, error) {
		if p.ServiceId == serviceID {
			ended = append(ended, p)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, p := range ended {
		if err := k.endPlan(ctx, p, true); err != nil {
			return err
		}
	}
	return nil
}

// storeNewPlan charges the creation fee, escrows the funds and stores the plan.
func (k *Keeper) storeNewPlan(ctx context.Context, msg *types.MsgCreateRewardsPlan) (uint64, error) {
	sender := sdk.MustAccAddressFromBech32(msg.Sender)
	params, err := k.params.Get(ctx)
	if err != nil {
		return 0, err
	}
	if !params.PlanCreationFee.IsZero() {
		if err := k.community.FundCommunityPool(ctx, params.PlanCreationFee, sender); err != nil {
			return 0, errorsmod.Wrapf(err, "plan creation fee %s", params.PlanCreationFee)
		}
	}
	id, err := k.nextPlanID.Next(ctx)
	if err != nil {
		return 0, err
	}
	plan := types.NewPlan(id, msg.ServiceId, msg.Terms(), sdk.NewCoin(msg.AmountPerDay.Denom, sdkmath.ZeroInt()))
	if err := k.fundPlan(ctx, &plan, sender, msg.Funds); err != nil {
		return 0, err
	}
	return id, k.plans.Set(ctx, id, plan)
}

func (k *Keeper) countPlans(ctx context.Context) (uint64, error) {
	it, err := k.plans.Iterate(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer it.Close()
	n := uint64(0)
	for ; it.Valid(); it.Next() {
		n++
	}
	return n, nil
}

// adminPlan returns a plan if signer administers its service.
func (k *Keeper) adminPlan(ctx context.Context, id uint64, signer string) (types.RewardsPlan, error) {
	plan, err := k.getPlan(ctx, id)
	if err != nil {
		return plan, err
	}
	_, err = k.requireServiceAdmin(ctx, plan.ServiceId, signer)
	return plan, err
}
