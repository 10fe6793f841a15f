package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// DelegateOperator restakes coins to an ACTIVE operator.
func (ms msgServer) DelegateOperator(ctx context.Context, msg *types.MsgDelegateOperator) (*types.MsgDelegateResponse, error) {
	user, err := sdk.AccAddressFromBech32(msg.Delegator)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	_, shares, err := ms.DelegateTo(ctx, types.DELEGATION_TYPE_OPERATOR, msg.OperatorId, user, msg.Amount)
	if err != nil {
		return nil, err
	}
	return &types.MsgDelegateResponse{NewShares: shares}, nil
}
