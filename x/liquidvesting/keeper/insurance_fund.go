package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// GetInsuranceFund returns a user's fund balance (empty if none).
func (k *Keeper) GetInsuranceFund(ctx context.Context, user sdk.AccAddress) (sdk.Coins, error) {
	f, err := k.insuranceFunds.Get(ctx, user)
	if errors.Is(err, collections.ErrNotFound) {
		return sdk.Coins{}, nil
	}
	return f.Balance, err
}

func (k *Keeper) setInsuranceFund(ctx context.Context, user sdk.AccAddress, balance sdk.Coins) error {
	if balance.IsZero() {
		return k.insuranceFunds.Remove(ctx, user)
	}
	return k.insuranceFunds.Set(ctx, user, types.UserInsuranceFund{Balance: balance})
}

// RestakedLocked is what user's locked tokens restaked right now are
// worth, per locked denom, at the targets' current exchange rates. It is
// computed on demand, never stored: a slash that lowers a target's rate
// lowers it at once, and with it the insurance the user must keep.
// Unbonding entries do not count, as in the reference chain.
func (k *Keeper) RestakedLocked(ctx context.Context, user sdk.AccAddress) (sdk.Coins, error) {
	total := sdk.Coins{}
	err := k.restaking.IterateUserDelegations(ctx, user, func(d restakingtypes.Delegation) (bool, error) {
		for _, s := range d.Shares {
			if !types.IsLockedDenom(s.Denom) {
				continue
			}
			stake, err := k.restaking.GetTargetStake(ctx, d.Type, d.TargetId, s.Denom)
			if err != nil {
				return true, err
			}
			total = total.Add(sdk.NewCoin(s.Denom, stake.TokensFor(s.Amount)))
		}
		return false, nil
	})
	return total, err
}

// UsedInsurance is the part of user's fund that covers their restaked
// locked tokens (it may exceed the balance after a params change or if a
// rate rose; nothing is then withdrawable).
func (k *Keeper) UsedInsurance(ctx context.Context, user sdk.AccAddress, params types.Params) (sdk.Coins, error) {
	restaked, err := k.RestakedLocked(ctx, user)
	if err != nil {
		return nil, err
	}
	return params.RequiredInsurance(restaked), nil
}

// withdrawable is the fund minus its used part, per denom, never negative.
func withdrawable(balance, used sdk.Coins) sdk.Coins {
	free := sdk.Coins{}
	for _, c := range balance {
		if left := c.Amount.Sub(used.AmountOf(c.Denom)); left.IsPositive() {
			free = free.Add(sdk.NewCoin(c.Denom, left))
		}
	}
	return free
}

// RestakableLocked is how many more locked tokens user may restake before
// their fund stops covering them, per locked denom.
func (k *Keeper) RestakableLocked(ctx context.Context, user sdk.AccAddress, params types.Params) (sdk.Coins, error) {
	balance, err := k.GetInsuranceFund(ctx, user)
	if err != nil {
		return nil, err
	}
	restaked, err := k.RestakedLocked(ctx, user)
	if err != nil {
		return nil, err
	}
	out := sdk.Coins{}
	for _, c := range balance {
		max := params.MaxCovered(c)
		if left := max.Amount.Sub(restaked.AmountOf(max.Denom)); left.IsPositive() {
			out = out.Add(sdk.NewCoin(max.Denom, left))
		}
	}
	return out, nil
}
