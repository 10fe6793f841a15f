package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// DelegateService restakes coins to an ACTIVE service, in denoms both the
// chain and the service allow.
func (ms msgServer) DelegateService(ctx context.Context, msg *types.MsgDelegateService) (*types.MsgDelegateResponse, error) {
	user, err := sdk.AccAddressFromBech32(msg.Delegator)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	_, shares, err := ms.DelegateTo(ctx, types.DELEGATION_TYPE_SERVICE, msg.ServiceId, user, msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgDelegateResponse{NewShares: shares}, nil
}
