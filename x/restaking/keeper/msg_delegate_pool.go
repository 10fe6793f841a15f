package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// DelegatePool restakes one denom to its pool, creating the pool on the
// first delegation of a restakable denom.
func (ms msgServer) DelegatePool(ctx context.Context, msg *types.MsgDelegatePool) (*types.MsgDelegateResponse, error) {
	user, err := sdk.AccAddressFromBech32(msg.Delegator)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	_, shares, err := ms.DelegateTo(ctx, types.DELEGATION_TYPE_POOL, 0, user, sdk.Coins{msg.Amount})
	if err != nil {
		return nil, err
	}
	return &types.MsgDelegateResponse{NewShares: shares}, nil
}
