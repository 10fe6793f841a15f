package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// RestakeRestriction is x/restaking's pluggable check on every restake:
// locked tokens may be restaked only while the user's fund holds
// insurance_percentage of everything they would then have restaked in
// locked tokens (active positions plus amount), in the underlying denom.
func (k *Keeper) RestakeRestriction(ctx context.Context, user sdk.AccAddress, amount sdk.Coins) error {
	locked := lockedCoins(amount)
	if locked.IsZero() {
		return nil
	}
	params, err := k.params.Get(ctx)
	if err != nil {
		return err
	}
	restaked, err := k.RestakedLocked(ctx, user)
	if err != nil {
		return err
	}
	required := params.RequiredInsurance(restaked.Add(locked...))
	balance, err := k.GetInsuranceFund(ctx, user)
	if err != nil {
		return err
	}
	if !balance.IsAllGTE(required) {
		return errorsmod.Wrapf(types.ErrInsufficientInsurance, "restaking %s needs %s in the fund, it holds %s", locked, required, balance)
	}
	return nil
}

// lockedCoins keeps the locked representations of amount.
func lockedCoins(amount sdk.Coins) sdk.Coins {
	out := sdk.Coins{}
	for _, c := range amount {
		if types.IsLockedDenom(c.Denom) {
			out = append(out, c)
		}
	}
	return out
}
