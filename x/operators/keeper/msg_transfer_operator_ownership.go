package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// TransferOperatorOwnership makes new_admin the operator's admin.
func (ms msgServer) TransferOperatorOwnership(ctx context.Context, msg *types.MsgTransferOperatorOwnership) (*types.MsgTransferOperatorOwnershipResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := ms.k.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender)
	if err != nil {
		return nil, err
	}
	newAdmin, _, err := ms.k.canonicalAddress("new admin", msg.NewAdmin)
	if err != nil {
		return nil, err
	}
	oldAdmin := op.Admin
	op.Admin = newAdmin
	if err := ms.k.operators.Set(ctx, op.Id, op); err != nil {
		return nil, err
	}

	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventTransferOperatorOwnership{
		OperatorId: op.Id, OldAdmin: oldAdmin, NewAdmin: newAdmin,
	}); err != nil {
		return nil, err
	}
	return &types.MsgTransferOperatorOwnershipResponse{}, nil
}
