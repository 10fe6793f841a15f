package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// WithdrawDelegatorReward pays one delegation's rewards.
func (ms msgServer) WithdrawDelegatorReward(ctx context.Context, msg *types.MsgWithdrawDelegatorReward) (*types.MsgWithdrawDelegatorRewardResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	user := sdk.MustAccAddressFromBech32(msg.Delegator)
	d, found, err := ms.restaking.GetDelegation(ctx, msg.DelegationType, msg.TargetId, user)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, errorsmod.Wrapf(types.ErrDelegationNotFound, "%s has nothing at %s %d", msg.Delegator, msg.DelegationType, msg.TargetId)
	}
	paid, err := ms.settle(ctx, user, d)
	if err != nil {
		return nil, err
	}
	return &types.MsgWithdrawDelegatorRewardResponse{Amount: paid}, nil
}
