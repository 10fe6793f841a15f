package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// Burn burns amount from burn_from_address (the admin when empty). The
// admin may burn from any holder except module accounts and restaking
// target accounts; holders accept this by holding a factory denom (see
// the README's trust assumptions). The bank's insufficient-funds error is
// passed on unchanged.
func (ms msgServer) Burn(ctx context.Context, msg *types.MsgBurn) (*types.MsgBurnResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	admin, _, err := ms.requireDenomAdmin(ctx, msg.Amount.Denom, msg.Sender)
	if err != nil {
		return nil, err
	}
	from, err := addressOr(msg.BurnFromAddress, admin)
	if err != nil {
		return nil, err
	}
	if err := ms.requireNotInCustody(ctx, from); err != nil {
		return nil, err
	}
	coins := sdk.NewCoins(msg.Amount)
	if err := ms.bank.SendCoinsFromAccountToModule(ctx, from, types.ModuleName, coins); err != nil {
		return nil, err
	}
	if err := ms.bank.BurnCoins(ctx, types.ModuleName, coins); err != nil {
		return nil, err
	}
	if err := emit(ctx, types.NewEventBurn(msg.Sender, from.String(), msg.Amount)); err != nil {
		return nil, err
	}
	return &types.MsgBurnResponse{}, nil
}
