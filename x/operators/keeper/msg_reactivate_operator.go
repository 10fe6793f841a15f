package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// ReactivateOperator moves an INACTIVE operator back to ACTIVE. An
// INACTIVATING operator must wait until its inactivation completes.
func (ms msgServer) ReactivateOperator(ctx context.Context, msg *types.MsgReactivateOperator) (*types.MsgReactivateOperatorResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := ms.k.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender)
	if err != nil {
		return nil, err
	}
	if err := ms.k.reactivate(ctx, op); err != nil {
		return nil, err
	}

	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventReactivateOperator{
		OperatorId: op.Id, Sender: msg.Sender,
	}); err != nil {
		return nil, err
	}
	return &types.MsgReactivateOperatorResponse{}, nil
}
