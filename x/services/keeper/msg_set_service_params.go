package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// SetServiceParams sets which denoms may be restaked to the service.
func (ms msgServer) SetServiceParams(ctx context.Context, msg *types.MsgSetServiceParams) (*types.MsgSetServiceParamsResponse, error) {
	if _, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender); err != nil {
		return nil, err
	}
	if err := msg.ServiceParams.Validate(); err != nil {
		return nil, err
	}
	if err := ms.serviceParams.Set(ctx, msg.ServiceId, msg.ServiceParams); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSetServiceParams{ServiceId: msg.ServiceId, Params: &msg.ServiceParams}); err != nil {
		return nil, err
	}
	return &types.MsgSetServiceParamsResponse{}, nil
}
