package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
)

// DeregisterAsset removes the asset of a denom (governance only).
func (ms msgServer) DeregisterAsset(ctx context.Context, msg *types.MsgDeregisterAsset) (*types.MsgDeregisterAssetResponse, error) {
	if err := access.RequireGov(ms.authority, msg.Authority); err != nil {
		return nil, err
	}
	asset, err := ms.GetAsset(ctx, msg.Denom)
	if err != nil {
		return nil, err
	}
	if err := ms.removeAsset(ctx, asset); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventDeregisterAsset{Denom: asset.Denom}); err != nil {
		return nil, err
	}
	return &types.MsgDeregisterAssetResponse{}, nil
}
