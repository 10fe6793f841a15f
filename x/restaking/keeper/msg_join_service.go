package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// JoinService opts an ACTIVE operator in to an ACTIVE service whose
// allowlist admits it. Unlike the reference chain, the operator must be
// active: an inactivating operator cannot take on new duties.
func (ms msgServer) JoinService(ctx context.Context, msg *types.MsgJoinService) (*types.MsgJoinServiceResponse, error) {
	op, err := ms.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender)
	if err != nil {
		return nil, err
	}
	if op.Status != operatorstypes.OPERATOR_STATUS_ACTIVE {
		return nil, errorsmod.Wrapf(types.ErrTargetNotActive, "operator %d is %s", msg.OperatorId, op.Status)
	}
	if _, err := ms.depositTarget(ctx, types.DELEGATION_TYPE_SERVICE, msg.ServiceId); err != nil {
		return nil, err
	}
	if joined, err := ms.IsOperatorJoined(ctx, msg.OperatorId, msg.ServiceId); err != nil || joined {
		return nil, errorsmod.Wrapf(types.ErrAlreadyJoined, "operator %d, service %d", msg.OperatorId, msg.ServiceId)
	}
	if allowed, err := ms.IsOperatorAllowed(ctx, msg.OperatorId, msg.ServiceId); err != nil || !allowed {
		return nil, errorsmod.Wrapf(types.ErrNotAllowed, "operator %d, service %d", msg.OperatorId, msg.ServiceId)
	}
	if err := ms.join(ctx, msg.OperatorId, msg.ServiceId); err != nil {
		return nil, err
	}
	return &types.MsgJoinServiceResponse{}, nil
}
