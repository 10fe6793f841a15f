package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
)

// RegisterAsset registers an asset (governance only). Registering a denom
// that is already known replaces its asset, ticker included.
func (ms msgServer) RegisterAsset(ctx context.Context, msg *types.MsgRegisterAsset) (*types.MsgRegisterAssetResponse, error) {
	if err := access.RequireGov(ms.authority, msg.Authority); err != nil {
		return nil, err
	}
	// ValidateBasic already ran for a tx; gov executes Msgs too, so the
	// keeper never stores an asset it has not checked itself.
	if err := msg.Asset.Validate(); err != nil {
		return nil, err
	}
	if err := ms.saveAsset(ctx, msg.Asset); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRegisterAsset{Asset: msg.Asset}); err != nil {
		return nil, err
	}
	return &types.MsgRegisterAssetResponse{}, nil
}
