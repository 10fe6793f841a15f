package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// checkRestakeRules applies the USD restaking cap and the pluggable
// restriction. The cap compares the USD value of everything restaked plus
// amount with params.restaking_cap, using totals kept per denom (one read
// per restaked denom, never a scan of targets). With no price source wired
// the cap is off.
func (k *Keeper) checkRestakeRules(ctx context.Context, params types.Params, user sdk.AccAddress, amount sdk.Coins) error {
	if params.RestakingCap.IsPositive() && k.prices != nil {
		total := amount
		err := k.totalRestaked.Walk(ctx, nil, func(denom string, tokens sdkmath.Int) (bool, error) {
			total = total.Add(sdk.NewCoin(denom, tokens))
			return false, nil
		})
		if err != nil {
			return err
		}
		value, err := k.prices.USDValue(ctx, total)
		if err != nil {
			return err
		}
		if value.GT(params.RestakingCap) {
			return errorsmod.Wrapf(types.ErrRestakingCapExceeded, "restaked value would be %s USD, cap is %s", value, params.RestakingCap)
		}
	}
	if k.restriction != nil {
		return k.restriction(ctx, user, amount)
	}
	return nil
}
