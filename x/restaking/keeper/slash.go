package keeper

import (
	"context"

	"cosmossdk.io/collections"
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

// SlashPoolTrusting burns fraction of the pool shares trusting serviceID,
// and of the trusting users' unbonding entries created at or after
// infractionHeight; non-trusting delegators keep everything. The burn is
// lazy (docs/adr/002, amendment 2): each trust class of the pool whose set
// contains the service loses fraction of its aggregate and records the
// event; members apply it when they next settle. The cost is per class,
// never per delegator. Shares and tokens fall together, so the pool's rate
// does not drop; the truncated remainder stays in the pool as dust.
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
	classes, err := k.classesTrusting(ctx, poolID, serviceID)
	if err != nil {
		return res, err
	}
	burned := sdk.DecCoins{}
	for _, c := range classes {
		b, err := k.slashClass(ctx, c, fraction)
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
	// Unbonding entries stay eager: they are bounded by the unbonding
	// period's activity, not by the pool's delegator count (ADR).
	trusts := func(user sdk.AccAddress) (bool, error) {
		prefs, err := k.GetUserPreferences(ctx, user)
		return err == nil && prefs.TrustsService(serviceID, poolID), err
	}
	res.Unbonding, err = k.slashUnbondings(ctx, target, fraction, infractionHeight, trusts)
	if err != nil {
		return res, err
	}
	return res, k.payOutSlash(ctx, target, res.Total(), dest)
}

// slashClass burns ⌊aggregate × fraction⌋ of a class, records the event
// with the class's new factor, and tells the hooks once for the class.
func (k *Keeper) slashClass(ctx context.Context, c types.TrustClass, fraction sdkmath.LegacyDec) (sdk.DecCoins, error) {
	c.Events++
	c.Factor = types.NextFactor(c.Factor, fraction)
	recorded := c.Factor
	// burned lists every denom of the class, zero burns included: rewards
	// split the members' earnings at the event in each of them.
	burned := make(sdk.DecCoins, 0, len(c.Shares))
	if c.Factor.IsPositive() {
		for _, s := range c.Shares {
			burned = append(burned, sdk.NewDecCoinFromDec(s.Denom, types.BurnShares(s.Amount, fraction)))
		}
		c.Shares = c.Shares.Sub(burned)
	} else {
		// A whole burn (or a factor truncated to nothing): every member
		// holds nothing, so the whole aggregate goes; the factor restarts
		// for those who join later.
		burned, c.Shares = c.Shares, sdk.DecCoins{}
		c.Factor, c.ZeroedAt, recorded = sdkmath.LegacyOneDec(), c.Events, sdkmath.LegacyZeroDec()
	}
	if err := k.classEvents.Set(ctx, collections.Join(c.Id, c.Events), recorded); err != nil {
		return nil, err
	}
	if err := k.trustClasses.Set(ctx, c.Id, c); err != nil {
		return nil, err
	}
	if k.hooks == nil {
		return burned, nil
	}
	return burned, k.hooks.AfterPoolClassSlashed(ctx, c.PoolId, c.Id, c.Events, c.ServiceIds, burned)
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
