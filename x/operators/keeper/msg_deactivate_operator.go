package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// DeactivateOperator moves an ACTIVE operator to INACTIVATING; BeginBlock
// makes it INACTIVE once deactivation_time has passed.
func (ms msgServer) DeactivateOperator(ctx context.Context, msg *types.MsgDeactivateOperator) (*types.MsgDeactivateOperatorResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := ms.k.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender)
	if err != nil {
		return nil, err
	}
	end, err := ms.k.startInactivation(ctx, op)
	if err != nil {
		return nil, err
	}

	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventStartOperatorInactivation{
		OperatorId: op.Id, Sender: msg.Sender, CompletionTime: end,
	}); err != nil {
		return nil, err
	}
	return &types.MsgDeactivateOperatorResponse{CompletionTime: end}, nil
}
