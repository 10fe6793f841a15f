package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

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
