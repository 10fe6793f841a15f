package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// CreateRewardsPlan creates a plan for a service and escrows its budget.
// Every stored plan adds work to each block, so creation costs gas per
// existing plan, and the creation fee goes to the community pool.
func (ms msgServer) CreateRewardsPlan(ctx context.Context, msg *types.MsgCreateRewardsPlan) (*types.MsgCreateRewardsPlanResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if _, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender); err != nil {
		return nil, err
	}
	now, err := ms.restaking.Now(ctx)
	if err != nil {
		return nil, err
	}
	if !msg.EndTime.After(now) {
		return nil, errorsmod.Wrapf(types.ErrInvalidPlan, "end_time %s is not in the future", msg.EndTime)
	}
	existing, err := ms.countPlans(ctx)
	if err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	sdkCtx.GasMeter().ConsumeGas(types.GasPerExistingPlan*existing, "rewards plans stored")
	// Fee, escrow and id are written together or not at all.
	branch, write := sdkCtx.CacheContext()
	id, err := ms.storeNewPlan(branch, msg)
	if err != nil {
		return nil, err
	}
	write()
	return &types.MsgCreateRewardsPlanResponse{PlanId: id}, sdkCtx.EventManager().EmitTypedEvent(&types.EventCreateRewardsPlan{
		PlanId: id, ServiceId: msg.ServiceId, Funds: msg.Funds,
	})
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

// EditRewardsPlan replaces a running plan's terms; the denom of the budget
// cannot change, and what was already due stays due.
func (ms msgServer) EditRewardsPlan(ctx context.Context, msg *types.MsgEditRewardsPlan) (*types.MsgEditRewardsPlanResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	plan, err := ms.adminPlan(ctx, msg.PlanId, msg.Sender)
	if err != nil {
		return nil, err
	}
	now, err := ms.restaking.Now(ctx)
	if err != nil {
		return nil, err
	}
	if !plan.EndTime.After(now) {
		return nil, errorsmod.Wrapf(types.ErrPlanEnded, "plan %d ended at %s", plan.Id, plan.EndTime)
	}
	if !msg.EndTime.After(now) {
		return nil, errorsmod.Wrapf(types.ErrInvalidPlan, "end_time %s is not in the future", msg.EndTime)
	}
	if msg.AmountPerDay.Denom != plan.AmountPerDay.Denom {
		return nil, errorsmod.Wrapf(types.ErrInvalidPlan, "the plan pays in %s, not %s", plan.AmountPerDay.Denom, msg.AmountPerDay.Denom)
	}
	plan.SetTerms(msg.Terms())
	if err := ms.plans.Set(ctx, plan.Id, plan); err != nil {
		return nil, err
	}
	return &types.MsgEditRewardsPlanResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventEditRewardsPlan{PlanId: plan.Id})
}

// TopUpRewardsPlan adds budget; what an underfunded plan owes is paid from
// it at the next block.
func (ms msgServer) TopUpRewardsPlan(ctx context.Context, msg *types.MsgTopUpRewardsPlan) (*types.MsgTopUpRewardsPlanResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	plan, err := ms.adminPlan(ctx, msg.PlanId, msg.Sender)
	if err != nil {
		return nil, err
	}
	if msg.Amount.Denom != plan.AmountPerDay.Denom {
		return nil, errorsmod.Wrapf(types.ErrInvalidFunds, "the plan pays in %s, not %s", plan.AmountPerDay.Denom, msg.Amount.Denom)
	}
	if err := ms.fundPlan(ctx, &plan, sdk.MustAccAddressFromBech32(msg.Sender), msg.Amount); err != nil {
		return nil, err
	}
	if err := ms.plans.Set(ctx, plan.Id, plan); err != nil {
		return nil, err
	}
	return &types.MsgTopUpRewardsPlanResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventTopUpRewardsPlan{
		PlanId: plan.Id, Amount: msg.Amount,
	})
}

// CancelRewardsPlan ends a plan now; its budget goes back to the admin.
func (ms msgServer) CancelRewardsPlan(ctx context.Context, msg *types.MsgCancelRewardsPlan) (*types.MsgCancelRewardsPlanResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	plan, err := ms.adminPlan(ctx, msg.PlanId, msg.Sender)
	if err != nil {
		return nil, err
	}
	if err := ms.endPlan(ctx, plan, true); err != nil {
		return nil, err
	}
	return &types.MsgCancelRewardsPlanResponse{Returned: plan.Remaining}, nil
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
