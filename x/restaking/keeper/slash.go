package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// Slash entry points for the slashing module (docs/adr/002). Each moves the
// slashed tokens from the target's account to dest in the same call, so
// stake records and balances never disagree.

// SlashTarget takes fraction of an operator's or service's tokens in every
// denom, leaving shares alone: every delegator of the target loses the
// fraction through the exchange rate, with no walk over delegators. Unbonding
// entries from the target created at or after infractionHeight lose it too.
func (k *Keeper) SlashTarget(ctx context.Context, t types.DelegationType, id uint32, fraction sdkmath.LegacyDec,
	infractionHeight int64, dest sdk.AccAddress,
) (types.TargetSlash, error) {
	res := types.TargetSlash{Type: t, ID: id, Bonded: sdk.Coins{}, Unbonding: sdk.Coins{}}
	if err := types.ValidateSlashFraction(fraction); err != nil {
		return res, err
	}
	target, err := k.existingTarget(ctx, t, id)
	if err != nil {
		return res, err
	}
	type denomStake struct {
		denom string
		stake types.DenomStake
	}
	var stakes []denomStake // collected first: no writes while iterating
	err = k.IterateTargetStakes(ctx, t, id, func(denom string, s types.DenomStake) (bool, error) {
		stakes = append(stakes, denomStake{denom, s})
		return false, nil
	})
	if err != nil {
		return res, err
	}
	for _, ds := range stakes {
		cut := types.SlashCoins(sdk.NewCoins(sdk.NewCoin(ds.denom, ds.stake.Tokens)), fraction)
		if cut.IsZero() {
			continue
		}
		ds.stake.Tokens = ds.stake.Tokens.Sub(cut[0].Amount)
		if err := k.targetStakes.Set(ctx, stakeKey(t, id, ds.denom), ds.stake); err != nil {
			return res, err
		}
		if err := k.addTotal(ctx, cut[0], false); err != nil {
			return res, err
		}
		res.Bonded = res.Bonded.Add(cut...)
	}
	res.Unbonding, err = k.slashUnbondings(ctx, target, fraction, infractionHeight, nil)
	if err != nil {
		return res, err
	}
	return res, k.payOutSlash(ctx, target, res.Total(), dest)
}

// SlashPoolTrusting burns fraction of the pool shares of every delegator
// who trusts serviceID with this pool, and of their unbonding entries
// created at or after infractionHeight; non-trusting delegators keep everything.
// Shares and tokens fall together, so the pool's rate does not drop; the
// truncated remainder stays in the pool as dust. The walk covers the
// pool's delegators once per slash (an exceptional, governed event), never
// per block; see docs/adr/002 for why it is not lazy.
func (k *Keeper) SlashPoolTrusting(ctx context.Context, poolID, serviceID uint32, fraction sdkmath.LegacyDec,
	infractionHeight int64, dest sdk.AccAddress,
) (types.TargetSlash, error) {
	res := types.TargetSlash{Type: types.DELEGATION_TYPE_POOL, ID: poolID, Bonded: sdk.Coins{}, Unbonding: sdk.Coins{}}
	if err := types.ValidateSlashFraction(fraction); err != nil {
		return res, err
	}
	target, err := k.existingTarget(ctx, types.DELEGATION_TYPE_POOL, poolID)
	if err != nil {
		return res, err
	}
	trusts := func(user sdk.AccAddress) (bool, error) {
		prefs, err := k.GetUserPreferences(ctx, user)
		return err == nil && prefs.TrustsService(serviceID, poolID), err
	}
	users, err := k.trustingDelegators(ctx, poolID, trusts)
	if err != nil {
		return res, err
	}
	burned := sdk.DecCoins{}
	for _, user := range users {
		b, err := k.burnPoolShares(ctx, target, user, fraction)
		if err != nil {
			return res, err
		}
		burned = burned.Add(b...)
	}
	for _, b := range burned {
		stake, err := k.getStake(ctx, types.DELEGATION_TYPE_POOL, poolID, b.Denom)
		if err != nil {
			return res, err
		}
		tokens := stake.TokensFor(b.Amount)
		worth := b.Amount.MulInt(stake.Tokens).QuoTruncate(stake.Shares)
		stake = types.DenomStake{Tokens: stake.Tokens.Sub(tokens), Shares: stake.Shares.Sub(b.Amount)}
		if err := k.setStake(ctx, target, b.Denom, stake); err != nil {
			return res, err
		}
		if tokens.IsPositive() {
			coin := sdk.NewCoin(b.Denom, tokens)
			if err := k.addTotal(ctx, coin, false); err != nil {
				return res, err
			}
			res.Bonded = res.Bonded.Add(coin)
		}
		if d := worth.Sub(sdkmath.LegacyNewDecFromInt(tokens)); d.IsPositive() {
			res.Dust = res.Dust.Add(sdk.NewDecCoinFromDec(b.Denom, d))
		}
	}
	res.Unbonding, err = k.slashUnbondings(ctx, target, fraction, infractionHeight, trusts)
	if err != nil {
		return res, err
	}
	return res, k.payOutSlash(ctx, target, res.Total(), dest)
}

// trustingDelegators lists the pool's delegators that pass trusts, in key
// order, before anything is written.
func (k *Keeper) trustingDelegators(ctx context.Context, poolID uint32, trusts func(sdk.AccAddress) (bool, error)) ([]sdk.AccAddress, error) {
	var users []sdk.AccAddress
	rng := targetPrefix(types.DELEGATION_TYPE_POOL, poolID)
	err := k.delegations.Indexes.ByTarget.Walk(ctx, rng, func(_ TargetKey, user sdk.AccAddress) (bool, error) {
		ok, err := trusts(user)
		if ok {
			users = append(users, user)
		}
		return false, err
	})
	return users, err
}

// burnPoolShares burns a trusting delegator's share of the slash, with the
// hooks around it so rewards settle on the shares held before.
func (k *Keeper) burnPoolShares(ctx context.Context, target types.Target, user sdk.AccAddress, fraction sdkmath.LegacyDec) (sdk.DecCoins, error) {
	del, err := k.delegations.Get(ctx, delegationKey(user, target.Type, target.ID))
	if err != nil {
		return nil, err
	}
	burned := sdk.DecCoins{}
	for _, s := range del.Shares {
		if b := types.BurnShares(s.Amount, fraction); b.IsPositive() {
			burned = burned.Add(sdk.NewDecCoinFromDec(s.Denom, b))
		}
	}
	if burned.IsZero() {
		return burned, nil
	}
	if err := k.beforeSharesModified(ctx, target, user); err != nil {
		return nil, err
	}
	del.Shares = del.Shares.Sub(burned)
	// A whole-position burn (fraction 1) removes the delegation, as a full
	// undelegation does: no empty delegation is left behind.
	if del.Shares.IsZero() {
		err = k.removeDelegation(ctx, user, del)
	} else {
		err = k.setDelegation(ctx, user, del)
	}
	if err != nil {
		return nil, err
	}
	return burned, k.afterDelegationModified(ctx, target, user)
}

// slashUnbondings takes fraction of every entry from the target created
// at or after infractionHeight, for users passing filter (nil: all).
func (k *Keeper) slashUnbondings(ctx context.Context, target types.Target, fraction sdkmath.LegacyDec,
	infractionHeight int64, filter func(sdk.AccAddress) (bool, error),
) (sdk.Coins, error) {
	var users []sdk.AccAddress
	rng := targetPrefix(target.Type, target.ID)
	err := k.unbondings.Indexes.ByTarget.Walk(ctx, rng, func(_ TargetKey, user sdk.AccAddress) (bool, error) {
		ok := true
		var err error
		if filter != nil {
			ok, err = filter(user)
		}
		if ok {
			users = append(users, user)
		}
		return false, err
	})
	if err != nil {
		return nil, err
	}
	total := sdk.Coins{}
	for _, user := range users {
		key := delegationKey(user, target.Type, target.ID)
		ubd, err := k.unbondings.Get(ctx, key)
		if err != nil {
			return nil, err
		}
		changed := false
		for i, e := range ubd.Entries {
			// Entries created at the infraction height or later were
			// stake when the fault happened (as in x/staking).
			if e.CreationHeight < infractionHeight {
				continue
			}
			if cut := types.SlashCoins(e.Balance, fraction); !cut.IsZero() {
				ubd.Entries[i].Balance = e.Balance.Sub(cut...)
				total = total.Add(cut...)
				changed = true
			}
		}
		if changed {
			if err := k.unbondings.Set(ctx, key, ubd); err != nil {
				return nil, err
			}
		}
	}
	return total, nil
}

// payOutSlash moves the slashed tokens out of the target's account.
func (k *Keeper) payOutSlash(ctx context.Context, target types.Target, amount sdk.Coins, dest sdk.AccAddress) error {
	if amount.IsZero() {
		return nil
	}
	return k.bank.SendCoins(ctx, target.Address, dest, amount)
}
