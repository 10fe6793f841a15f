package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// UpdateOperator changes an operator's metadata; fields set to
// "[do-not-modify]" keep their value.
func (ms msgServer) UpdateOperator(ctx context.Context, msg *types.MsgUpdateOperator) (*types.MsgUpdateOperatorResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := ms.k.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender)
	if err != nil {
		return nil, err
	}
	op = op.WithMetadata(msg.Moniker, msg.Website, msg.PictureUrl)
	if err := types.ValidateMetadata(op.Moniker, op.Website, op.PictureUrl); err != nil {
		return nil, err
	}
	if err := ms.k.operators.Set(ctx, op.Id, op); err != nil {
		return nil, err
	}

	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUpdateOperator{
		OperatorId: op.Id, Sender: msg.Sender,
	}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateOperatorResponse{}, nil
}
