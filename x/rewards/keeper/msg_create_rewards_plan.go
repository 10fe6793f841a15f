package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
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
