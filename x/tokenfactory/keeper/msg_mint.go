package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// Mint mints amount to mint_to_address (the admin when empty). Module
// accounts the bank blocks cannot receive.
func (ms msgServer) Mint(ctx context.Context, msg *types.MsgMint) (*types.MsgMintResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	admin, _, err := ms.requireDenomAdmin(ctx, msg.Amount.Denom, msg.Sender)
	if err != nil {
		return nil, err
	}
	to, err := addressOr(msg.MintToAddress, admin)
	if err != nil {
		return nil, err
	}
	if err := ms.requireCanReceive(to); err != nil {
		return nil, err
	}
	coins := sdk.NewCoins(msg.Amount)
	if err := ms.bank.MintCoins(ctx, types.ModuleName, coins); err != nil {
		return nil, err
	}
	if err := ms.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, to, coins); err != nil {
		return nil, err
	}
	if err := emit(ctx, types.NewEventMint(msg.Sender, to.String(), msg.Amount)); err != nil {
		return nil, err
	}
	return &types.MsgMintResponse{}, nil
}
