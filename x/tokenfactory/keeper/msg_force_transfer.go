package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// ForceTransfer moves amount from one holder to another without the
// holder's signature. This is a trust assumption of every factory denom
// (see the README): the admin can take any holder's balance, except from
// module accounts and restaking target accounts, whose balances back
// other modules' records, and never to an address the bank blocks.
func (ms msgServer) ForceTransfer(ctx context.Context, msg *types.MsgForceTransfer) (*types.MsgForceTransferResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if _, _, err := ms.requireDenomAdmin(ctx, msg.Amount.Denom, msg.Sender); err != nil {
		return nil, err
	}
	from := sdk.MustAccAddressFromBech32(msg.TransferFromAddress)
	to := sdk.MustAccAddressFromBech32(msg.TransferToAddress)
	if err := ms.requireNotInCustody(ctx, from); err != nil {
		return nil, err
	}
	if err := ms.requireCanReceive(to); err != nil {
		return nil, err
	}
	if err := ms.bank.SendCoins(ctx, from, to, sdk.NewCoins(msg.Amount)); err != nil {
		return nil, err
	}
	if err := emit(ctx, types.NewEventForceTransfer(msg.Sender, msg.TransferFromAddress, msg.TransferToAddress, msg.Amount)); err != nil {
		return nil, err
	}
	return &types.MsgForceTransferResponse{}, nil
}
