package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// WithdrawInsuranceFund pays the sender part of their fund, never the
// part that covers their restaked locked tokens.
func (ms msgServer) WithdrawInsuranceFund(ctx context.Context, msg *types.MsgWithdrawInsuranceFund) (*types.MsgWithdrawInsuranceFundResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	user := sdk.MustAccAddressFromBech32(msg.Sender)
	params, err := ms.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	balance, err := ms.GetInsuranceFund(ctx, user)
	if err != nil {
		return nil, err
	}
	used, err := ms.UsedInsurance(ctx, user, params)
	if err != nil {
		return nil, err
	}
	if free := withdrawable(balance, used); !free.IsAllGTE(msg.Amount) {
		return nil, errorsmod.Wrapf(types.ErrWithdrawExceedsUncovered, "asked %s, withdrawable %s (fund %s, used %s)", msg.Amount, free, balance, used)
	}
	if err := ms.setInsuranceFund(ctx, user, balance.Sub(msg.Amount...)); err != nil {
		return nil, err
	}
	if err := ms.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, user, msg.Amount); err != nil {
		return nil, err
	}
	err = sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventWithdrawInsuranceFund{User: msg.Sender, Amount: msg.Amount})
	return &types.MsgWithdrawInsuranceFundResponse{}, err
}
