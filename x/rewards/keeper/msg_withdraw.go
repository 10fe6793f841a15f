package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
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

// WithdrawAllRewards pays every delegation of the sender: one prefix walk
// over the sender's own delegations.
func (ms msgServer) WithdrawAllRewards(ctx context.Context, msg *types.MsgWithdrawAllRewards) (*types.MsgWithdrawAllRewardsResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	user := sdk.MustAccAddressFromBech32(msg.Delegator)
	var delegations []restakingtypes.Delegation
	if err := ms.restaking.IterateUserDelegations(ctx, user, func(d restakingtypes.Delegation) (bool, error) {
		delegations = append(delegations, d)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if len(delegations) == 0 {
		return nil, errorsmod.Wrapf(types.ErrDelegationNotFound, "%s has no delegations", msg.Delegator)
	}
	total := sdk.Coins{}
	for _, d := range delegations {
		paid, err := ms.settle(ctx, user, d)
		if err != nil {
			return nil, err
		}
		total = total.Add(paid...)
	}
	return &types.MsgWithdrawAllRewardsResponse{Amount: total}, nil
}

// WithdrawOperatorCommission pays the whole units of an operator's
// commission to its admin's withdraw address; fractions stay accrued.
func (ms msgServer) WithdrawOperatorCommission(ctx context.Context, msg *types.MsgWithdrawOperatorCommission) (*types.MsgWithdrawOperatorCommissionResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := ms.operators.GetOperator(ctx, msg.OperatorId)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrOperatorNotFound, "operator %d", msg.OperatorId)
	}
	if op.Admin != msg.Sender {
		return nil, errorsmod.Wrapf(types.ErrUnauthorized, "%s is not the admin of operator %d", msg.Sender, msg.OperatorId)
	}
	paid, err := ms.payCommission(ctx, msg.OperatorId, sdk.MustAccAddressFromBech32(op.Admin), false)
	if err != nil {
		return nil, err
	}
	if paid.IsZero() {
		return nil, errorsmod.Wrapf(types.ErrNoRewards, "operator %d has no whole unit of commission", msg.OperatorId)
	}
	return &types.MsgWithdrawOperatorCommissionResponse{Amount: paid}, nil
}

// payCommission sends an operator's whole commission units to the admin's
// withdraw address. With final (the operator is deleted) the fractions
// become dust instead of staying accrued.
func (k *Keeper) payCommission(ctx context.Context, operatorID uint32, admin sdk.AccAddress, final bool) (sdk.Coins, error) {
	accrued, err := getCoins(ctx, k.commission, operatorID)
	if err != nil {
		return nil, err
	}
	pay, fraction := accrued.TruncateDecimal()
	if final {
		err = k.addDust(ctx, fraction)
		fraction = nil
	}
	if err != nil {
		return nil, err
	}
	if err := setCoins(ctx, k.commission, operatorID, fraction); err != nil {
		return nil, err
	}
	if pay.IsZero() {
		return pay, nil
	}
	to, err := k.withdrawAddress(ctx, admin)
	if err != nil {
		return nil, err
	}
	if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, pay); err != nil {
		return nil, err
	}
	return pay, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventWithdrawCommission{OperatorId: operatorID, Amount: pay})
}
