package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// SetWithdrawAddress sets where the sender's rewards go. Module and other
// blocked addresses are refused: coins sent there could never be spent.
func (ms msgServer) SetWithdrawAddress(ctx context.Context, msg *types.MsgSetWithdrawAddress) (*types.MsgSetWithdrawAddressResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	user, to := sdk.MustAccAddressFromBech32(msg.Sender), sdk.MustAccAddressFromBech32(msg.WithdrawAddress)
	if ms.bank.BlockedAddr(to) {
		return nil, errorsmod.Wrapf(types.ErrBlockedAddress, "%s is a module or blocked address", msg.WithdrawAddress)
	}
	var err error
	if to.Equals(user) {
		err = ms.withdrawAddrs.Remove(ctx, user)
	} else {
		err = ms.withdrawAddrs.Set(ctx, user, to)
	}
	if err != nil {
		return nil, err
	}
	return &types.MsgSetWithdrawAddressResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSetWithdrawAddress{
		User: msg.Sender, WithdrawAddress: msg.WithdrawAddress,
	})
}
