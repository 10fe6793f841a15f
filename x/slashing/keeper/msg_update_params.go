package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// UpdateParams sets the params (governance). Rules already stored keep
// their values; new rules must fit the new bounds.
func (ms msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if msg.Authority != ms.authority {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "expected %s, got %s", ms.authority, msg.Authority)
	}
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, ms.params.Set(ctx, msg.Params)
}
