package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// forcedUnbond is one target's share of a burn that must be unbonded.
type forcedUnbond struct {
	t      restakingtypes.DelegationType
	id     uint32
	amount sdk.Coins
}

// burnLocked burns amount of user's locked tokens: the liquid balance
// first, then restaked positions in the user's delegation order. Restaked
// tokens cannot be burned in place (they sit in the target's account and
// back its security), so they go through x/restaking's normal unbonding
// queue and are burned when the unbonding pays them out (EndBlocker).
// Everything is planned before anything moves: a user holding too little
// leaves the state untouched.
func (k *Keeper) burnLocked(ctx context.Context, user sdk.AccAddress, amount sdk.Coins) (burned, unbonding sdk.Coins, err error) {
	burned = sdk.Coins{}
	rest := sdk.Coins{}
	for _, c := range amount {
		bal := k.bank.GetBalance(ctx, user, c.Denom)
		take := sdkmath.MinInt(bal.Amount, c.Amount)
		if take.IsPositive() {
			burned = burned.Add(sdk.NewCoin(c.Denom, take))
		}
		if left := c.Amount.Sub(take); left.IsPositive() {
			rest = rest.Add(sdk.NewCoin(c.Denom, left))
		}
	}
	plan, unbonding, err := k.planForcedUnbonds(ctx, user, rest)
	if err != nil {
		return nil, nil, err
	}
	if err := k.burnFrom(ctx, user, burned); err != nil {
		return nil, nil, err
	}
	for _, u := range plan {
		completion, err := k.restaking.UndelegateFrom(ctx, u.t, u.id, user, u.amount)
		if err != nil {
			return nil, nil, errorsmod.Wrapf(err, "force-unbonding %s from %s %d", u.amount, u.t, u.id)
		}
		if err := k.addPendingBurn(ctx, completion, user, u.amount); err != nil {
			return nil, nil, err
		}
	}
	return burned, unbonding, nil
}

// planForcedUnbonds picks, per target, the locked tokens to unbond to
// cover rest, or refuses if the user's positions hold too little.
func (k *Keeper) planForcedUnbonds(ctx context.Context, user sdk.AccAddress, rest sdk.Coins) ([]forcedUnbond, sdk.Coins, error) {
	var plan []forcedUnbond
	planned := sdk.Coins{}
	if rest.IsZero() {
		return plan, planned, nil
	}
	err := k.restaking.IterateUserDelegations(ctx, user, func(d restakingtypes.Delegation) (bool, error) {
		take := sdk.Coins{}
		for _, s := range d.Shares {
			need := rest.AmountOf(s.Denom).Sub(planned.AmountOf(s.Denom))
			if !need.IsPositive() {
				continue
			}
			stake, err := k.restaking.GetTargetStake(ctx, d.Type, d.TargetId, s.Denom)
			if err != nil {
				return true, err
			}
			if amt := sdkmath.MinInt(need, stake.TokensFor(s.Amount)); amt.IsPositive() {
				take = take.Add(sdk.NewCoin(s.Denom, amt))
			}
		}
		if !take.IsZero() {
			plan = append(plan, forcedUnbond{t: d.Type, id: d.TargetId, amount: take})
			planned = planned.Add(take...)
		}
		return planned.Equal(rest), nil
	})
	if err != nil {
		return nil, nil, err
	}
	if !planned.Equal(rest) {
		return nil, nil, errorsmod.Wrapf(types.ErrInsufficientLocked, "%s short after liquid and restaked tokens", rest.Sub(planned...))
	}
	return plan, planned, nil
}

// burnFrom moves coins from user to the module account and burns them.
func (k *Keeper) burnFrom(ctx context.Context, user sdk.AccAddress, coins sdk.Coins) error {
	if coins.IsZero() {
		return nil
	}
	if err := k.bank.SendCoinsFromAccountToModule(withBurning(sdk.UnwrapSDKContext(ctx)), user, types.ModuleName, coins); err != nil {
		return err
	}
	return k.bank.BurnCoins(ctx, types.ModuleName, coins)
}

func (k *Keeper) addPendingBurn(ctx context.Context, completion time.Time, user sdk.AccAddress, amount sdk.Coins) error {
	key := collections.Join(completion, user)
	pb, err := k.pendingBurns.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		pb = types.PendingBurn{User: user.String(), CompletionTime: completion}
	} else if err != nil {
		return err
	}
	pb.Amount = pb.Amount.Add(amount...)
	return k.pendingBurns.Set(ctx, key, pb)
}

// completeBurns burns what matured force-unbondings paid out. It runs
// after x/restaking's EndBlocker in the same block, on the same clock, so
// the payout has just reached the user. If a slash took part of the
// unbonding entry, less arrived; the burn takes what the user holds up to
// the recorded amount, and the burner's order is fulfilled as far as the
// user's locked tokens allow.
func (k *Keeper) completeBurns(ctx context.Context) error {
	now, err := k.restaking.Now(ctx)
	if err != nil {
		return err
	}
	var due []types.PendingBurn
	var keys []PendingBurnKey
	rng := collections.NewPrefixUntilPairRange[time.Time, sdk.AccAddress](now)
	err = k.pendingBurns.Walk(ctx, rng, func(key PendingBurnKey, pb types.PendingBurn) (bool, error) {
		keys, due = append(keys, key), append(due, pb)
		return false, nil
	})
	if err != nil {
		return err
	}
	for i, pb := range due {
		if err := k.pendingBurns.Remove(ctx, keys[i]); err != nil {
			return err
		}
		user := keys[i].K2()
		burn := sdk.Coins{}
		for _, c := range pb.Amount {
			if amt := sdkmath.MinInt(c.Amount, k.bank.GetBalance(ctx, user, c.Denom).Amount); amt.IsPositive() {
				burn = burn.Add(sdk.NewCoin(c.Denom, amt))
			}
		}
		if err := k.burnFrom(ctx, user, burn); err != nil {
			return err
		}
		err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventCompleteBurn{User: pb.User, Burned: burn})
		if err != nil {
			return err
		}
	}
	return nil
}

// EndBlocker burns the locked tokens of matured forced unbondings.
func (k *Keeper) EndBlocker(ctx context.Context) error { return k.completeBurns(ctx) }
