package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// UndelegateOperator starts unbonding from an operator, whatever its status.
func (ms msgServer) UndelegateOperator(ctx context.Context, msg *types.MsgUndelegateOperator) (*types.MsgUndelegateResponse, error) {
	user, err := sdk.AccAddressFromBech32(msg.Delegator)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	if err := types.ValidateAmount(msg.Amount); err != nil {
		return nil, err
	}
	target, err := ms.existingTarget(ctx, types.DELEGATION_TYPE_OPERATOR, msg.OperatorId)
	if err != nil {
		return nil, err
	}
	return ms.undelegate(ctx, target, user, msg.Amount)
}
