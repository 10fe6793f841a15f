package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

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
