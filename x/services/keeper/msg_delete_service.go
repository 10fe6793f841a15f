package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// DeleteService deletes a service that is not ACTIVE. Unlike the reference
// chain, the deletion guard (x/restaking) must agree: a service that still
// has delegations or unbondings cannot be deleted.
func (ms msgServer) DeleteService(ctx context.Context, msg *types.MsgDeleteService) (*types.MsgDeleteServiceResponse, error) {
	service, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender)
	if err != nil {
		return nil, err
	}
	if service.IsActive() {
		return nil, errorsmod.Wrapf(types.ErrInvalidStatus, "service %d is active: deactivate it first", service.Id)
	}
	if ms.deletionGuard != nil {
		if err := ms.deletionGuard.CanDeleteService(ctx, service.Id); err != nil {
			return nil, errorsmod.Wrap(types.ErrServiceInUse, err.Error())
		}
	}
	if err := ms.hooksOrNoop().BeforeServiceDeleted(ctx, service.Id); err != nil {
		return nil, err
	}
	if err := ms.removeService(ctx, service.Id); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventDeleteService{ServiceId: service.Id}); err != nil {
		return nil, err
	}
	return &types.MsgDeleteServiceResponse{}, nil
}
