package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// ActivateService makes a CREATED or INACTIVE service ACTIVE.
func (ms msgServer) ActivateService(ctx context.Context, msg *types.MsgActivateService) (*types.MsgActivateServiceResponse, error) {
	service, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender)
	if err != nil {
		return nil, err
	}
	if service.IsActive() {
		return nil, errorsmod.Wrapf(types.ErrInvalidStatus, "service %d is already active", service.Id)
	}
	service.Status = types.SERVICE_STATUS_ACTIVE
	if err := ms.saveService(ctx, service); err != nil {
		return nil, err
	}
	if err := ms.hooksOrNoop().AfterServiceActivated(ctx, service.Id); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventActivateService{ServiceId: service.Id}); err != nil {
		return nil, err
	}
	return &types.MsgActivateServiceResponse{}, nil
}
