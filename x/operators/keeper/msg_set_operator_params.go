package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// SetOperatorParams changes an operator's commission rate within the bounds
// fixed at registration (see types.OperatorParams.ValidateNewRate).
func (ms msgServer) SetOperatorParams(ctx context.Context, msg *types.MsgSetOperatorParams) (*types.MsgSetOperatorParamsResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := ms.k.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender)
	if err != nil {
		return nil, err
	}
	old, err := ms.k.setCommissionRate(ctx, op.Id, msg.CommissionRate)
	if err != nil {
		return nil, err
	}

	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSetOperatorParams{
		OperatorId: op.Id, Sender: msg.Sender, OldCommissionRate: old, NewCommissionRate: msg.CommissionRate,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSetOperatorParamsResponse{}, nil
}
