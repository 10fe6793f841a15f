package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// AddOperatorToAllowList admits an operator to a service. The first entry
// closes an open service: joined operators not on the list leave it (their
// count is bounded by the service's own operators, not by delegators).
func (ms msgServer) AddOperatorToAllowList(ctx context.Context, msg *types.MsgAddOperatorToAllowList) (*types.MsgAddOperatorToAllowListResponse, error) {
	if _, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender); err != nil {
		return nil, err
	}
	if _, err := ms.operators.GetOperator(ctx, msg.OperatorId); err != nil {
		return nil, errorsmod.Wrapf(types.ErrTargetNotFound, "operator %d: %s", msg.OperatorId, err)
	}
	if has, err := ms.serviceAllowList.Has(ctx, idKey(msg.ServiceId, msg.OperatorId)); err != nil || has {
		return nil, errorsmod.Wrapf(types.ErrAlreadyAllowed, "operator %d, service %d", msg.OperatorId, msg.ServiceId)
	}
	wasOpen, err := ms.isAllowListEmpty(ctx, msg.ServiceId)
	if err != nil {
		return nil, err
	}
	if err := ms.setAllowed(ctx, msg.ServiceId, msg.OperatorId, true); err != nil {
		return nil, err
	}
	if wasOpen {
		joined, err := ms.joinedOperators(ctx, msg.ServiceId)
		if err != nil {
			return nil, err
		}
		for _, opID := range joined {
			if opID != msg.OperatorId {
				if err := ms.leave(ctx, opID, msg.ServiceId); err != nil {
					return nil, err
				}
			}
		}
	}
	return &types.MsgAddOperatorToAllowListResponse{}, nil
}
