package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// TransferServiceOwnership hands the service to a new admin.
func (ms msgServer) TransferServiceOwnership(ctx context.Context, msg *types.MsgTransferServiceOwnership) (*types.MsgTransferServiceOwnershipResponse, error) {
	service, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender)
	if err != nil {
		return nil, err
	}
	service.Admin = msg.NewAdmin
	if err := ms.saveService(ctx, service); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventTransferServiceOwnership{ServiceId: service.Id, NewAdmin: msg.NewAdmin}); err != nil {
		return nil, err
	}
	return &types.MsgTransferServiceOwnershipResponse{}, nil
}
