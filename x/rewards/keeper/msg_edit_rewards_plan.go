package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

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
