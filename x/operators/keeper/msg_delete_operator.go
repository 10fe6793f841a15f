package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// DeleteOperator removes an INACTIVE operator and its params, if the
// deletion guard (x/restaking: no delegations or unbondings left) agrees.
// The id is never reused.
func (ms msgServer) DeleteOperator(ctx context.Context, msg *types.MsgDeleteOperator) (*types.MsgDeleteOperatorResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := ms.k.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender)
	if err != nil {
		return nil, err
	}
	if err := ms.k.deleteOperator(ctx, op); err != nil {
		return nil, err
	}

	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventDeleteOperator{
		OperatorId: op.Id, Sender: msg.Sender,
	}); err != nil {
		return nil, err
	}
	return &types.MsgDeleteOperatorResponse{}, nil
}
