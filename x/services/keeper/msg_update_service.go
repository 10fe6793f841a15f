package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// UpdateService changes metadata; "[do-not-modify]" keeps a field.
func (ms msgServer) UpdateService(ctx context.Context, msg *types.MsgUpdateService) (*types.MsgUpdateServiceResponse, error) {
	service, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender)
	if err != nil {
		return nil, err
	}
	updated := service.ApplyUpdate(msg.Name, msg.Description, msg.Website, msg.PictureUrl)
	if err := updated.Validate(); err != nil {
		return nil, err
	}
	if err := ms.saveService(ctx, updated); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventUpdateService{ServiceId: msg.ServiceId}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateServiceResponse{}, nil
}
