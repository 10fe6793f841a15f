package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// RemoveOperatorFromAllowList takes an operator off a service's list. The
// operator leaves the service too, unless the list becomes empty and the
// service is open again.
func (ms msgServer) RemoveOperatorFromAllowList(ctx context.Context, msg *types.MsgRemoveOperatorFromAllowList) (*types.MsgRemoveOperatorFromAllowListResponse, error) {
	if _, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender); err != nil {
		return nil, err
	}
	if has, err := ms.serviceAllowList.Has(ctx, idKey(msg.ServiceId, msg.OperatorId)); err != nil || !has {
		return nil, errorsmod.Wrapf(types.ErrNotAllowed, "operator %d, service %d", msg.OperatorId, msg.ServiceId)
	}
	if err := ms.setAllowed(ctx, msg.ServiceId, msg.OperatorId, false); err != nil {
		return nil, err
	}
	open, err := ms.isAllowListEmpty(ctx, msg.ServiceId)
	if err != nil {
		return nil, err
	}
	joined, err := ms.IsOperatorJoined(ctx, msg.OperatorId, msg.ServiceId)
	if err != nil {
		return nil, err
	}
	if joined && !open {
		if err := ms.leave(ctx, msg.OperatorId, msg.ServiceId); err != nil {
			return nil, err
		}
	}
	return &types.MsgRemoveOperatorFromAllowListResponse{}, nil
}
