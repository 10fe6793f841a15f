package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// LeaveService opts an operator out of a service it joined.
func (ms msgServer) LeaveService(ctx context.Context, msg *types.MsgLeaveService) (*types.MsgLeaveServiceResponse, error) {
	if _, err := ms.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender); err != nil {
		return nil, err
	}
	if joined, err := ms.IsOperatorJoined(ctx, msg.OperatorId, msg.ServiceId); err != nil || !joined {
		return nil, errorsmod.Wrapf(types.ErrNotJoined, "operator %d, service %d", msg.OperatorId, msg.ServiceId)
	}
	if err := ms.leave(ctx, msg.OperatorId, msg.ServiceId); err != nil {
		return nil, err
	}
	return &types.MsgLeaveServiceResponse{}, nil
}
