package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// RegisterOperatorKey records an operator's task key for a service. It is
// also the operator's consent to answer to the service's double-sign rule.
func (ms msgServer) RegisterOperatorKey(ctx context.Context, msg *types.MsgRegisterOperatorKey) (*types.MsgRegisterOperatorKeyResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := ms.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender); err != nil {
		return nil, err
	}
	if _, err := ms.services.GetService(ctx, msg.ServiceId); err != nil {
		return nil, errorsmod.Wrapf(types.ErrServiceNotFound, "service %d", msg.ServiceId)
	}
	if _, err := ms.GetOperatorKey(ctx, msg.OperatorId, msg.ServiceId); err == nil {
		return nil, errorsmod.Wrapf(types.ErrKeyAlreadySet, "operator %d already has a key for service %d", msg.OperatorId, msg.ServiceId)
	}
	key := types.OperatorKey{OperatorId: msg.OperatorId, ServiceId: msg.ServiceId, PubKey: msg.PubKey}
	if err := ms.operatorKeys.Set(ctx, operatorServiceKey(msg.OperatorId, msg.ServiceId), key); err != nil {
		return nil, err
	}
	return &types.MsgRegisterOperatorKeyResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOperatorKeyRegistered{
		OperatorId: msg.OperatorId, ServiceId: msg.ServiceId, PubKey: msg.PubKey,
	})
}
