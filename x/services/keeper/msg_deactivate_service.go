package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// DeactivateService makes an ACTIVE service INACTIVE.
func (ms msgServer) DeactivateService(ctx context.Context, msg *types.MsgDeactivateService) (*types.MsgDeactivateServiceResponse, error) {
	service, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender)
	if err != nil {
		return nil, err
	}
	if !service.IsActive() {
		return nil, errorsmod.Wrapf(types.ErrInvalidStatus, "service %d is not active", service.Id)
	}
	service.Status = types.SERVICE_STATUS_INACTIVE
	if err := ms.saveService(ctx, service); err != nil {
		return nil, err
	}
	if err := ms.hooksOrNoop().AfterServiceDeactivated(ctx, service.Id); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventDeactivateService{ServiceId: service.Id}); err != nil {
		return nil, err
	}
	return &types.MsgDeactivateServiceResponse{}, nil
}
