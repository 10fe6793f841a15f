package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// UpdateParams sets the params (governance). Rules already stored keep
// their values; new rules must fit the new bounds.
func (ms msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := access.RequireGov(ms.authority, msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, ms.params.Set(ctx, msg.Params)
}
