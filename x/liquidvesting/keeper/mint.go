package keeper

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// mintLocked mints locked/{denom} for each coin of amount to receiver,
// creating the denom metadata the first time a denom is minted.
func (k *Keeper) mintLocked(ctx context.Context, receiver sdk.AccAddress, amount sdk.Coins) (sdk.Coins, error) {
	// Checked first so that a refused receiver leaves nothing minted.
	if err := k.requireUser(ctx, receiver, amount); err != nil {
		return nil, err
	}
	minted := sdk.Coins{}
	for _, c := range amount {
		locked := types.LockedDenom(c.Denom)
		if !k.bank.HasDenomMetaData(ctx, locked) {
			k.bank.SetDenomMetaData(ctx, banktypes.Metadata{
				Description: fmt.Sprintf("Locked representation of %s, restakable with insurance", c.Denom),
				DenomUnits:  []*banktypes.DenomUnit{{Denom: locked, Exponent: 0}},
				Base:        locked, Display: locked, Name: locked, Symbol: locked,
			})
		}
		minted = minted.Add(sdk.NewCoin(locked, c.Amount))
	}
	if err := k.bank.MintCoins(ctx, types.ModuleName, minted); err != nil {
		return nil, err
	}
	return minted, k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, receiver, minted)
}
