package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// The invariants walk all rewards state: they are for tests, simulations
// and x/crisis on demand, never for a block. Each returns a description of
// the first broken rule, or "" and false.

// ModuleAccountInvariant: the rewards module holds exactly what is
// outstanding, plus accrued commission, plus dust, to the last decimal.
func (k *Keeper) ModuleAccountInvariant(ctx context.Context) (string, bool) {
	booked, err := k.bookedTotal(ctx)
	if err != nil {
		return err.Error(), true
	}
	held := sdk.NewDecCoinsFromCoins(k.bank.GetAllBalances(ctx, k.accounts.GetModuleAddress(types.ModuleName))...)
	if !held.Equal(booked) {
		return fmt.Sprintf("rewards module holds %s, outstanding + commission + dust = %s", held, booked), true
	}
	return "", false
}

// bookedTotal is Σ outstanding + Σ commission + dust.
func (k *Keeper) bookedTotal(ctx context.Context) (sdk.DecCoins, error) {
	total, err := k.getDust(ctx)
	if err != nil {
		return nil, err
	}
	err = k.outstanding.Walk(ctx, nil, func(_ TargetKey, r types.DecCoinsRecord) (bool, error) {
		total = total.Add(r.Coins...)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.commission.Walk(ctx, nil, func(_ uint32, r types.DecCoinsRecord) (bool, error) {
		total = total.Add(r.Coins...)
		return false, nil
	})
	return total, err
}

// EscrowInvariant: the escrow account holds exactly the plans' remaining
// budgets.
func (k *Keeper) EscrowInvariant(ctx context.Context) (string, bool) {
	budgets := sdk.Coins{}
	err := k.plans.Walk(ctx, nil, func(_ uint64, p types.RewardsPlan) (bool, error) {
		if p.Remaining.IsNegative() {
			return true, fmt.Errorf("plan %d has a negative budget %s", p.Id, p.Remaining)
		}
		budgets = budgets.Add(p.Remaining)
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	held := k.bank.GetAllBalances(ctx, k.accounts.GetModuleAddress(types.EscrowAccount))
	if !held.Equal(budgets) {
		return fmt.Sprintf("escrow holds %s, plans' budgets are %s", held, budgets), true
	}
	return "", false
}

// CanWithdrawInvariant: for every target, what all its delegators could
// withdraw now adds up to no more than its outstanding rewards.
func (k *Keeper) CanWithdrawInvariant(ctx context.Context) (string, bool) {
	claims := map[TargetKey]sdk.DecCoins{}
	var order []TargetKey
	err := k.restaking.IterateAllDelegations(ctx, func(user sdk.AccAddress, d restakingtypes.Delegation) (bool, error) {
		prefs, err := k.restaking.GetUserPreferences(ctx, user)
		if err != nil {
			return true, err
		}
		owed, _, err := k.owed(ctx, user, d, prefs)
		if err != nil {
			return true, err
		}
		key := targetKey(d.Type, d.TargetId)
		if _, seen := claims[key]; !seen {
			order = append(order, key)
		}
		claims[key] = claims[key].Add(owed...)
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	for _, key := range order {
		out, err := getCoins(ctx, k.outstanding, key)
		if err != nil {
			return err.Error(), true
		}
		if _, short := out.SafeSub(claims[key]); short {
			return fmt.Sprintf("target %d/%d: delegators can claim %s, outstanding is %s", key.K1(), key.K2(), claims[key], out), true
		}
	}
	return "", false
}

// PoolSharesInvariant: the pool shares counted per service are exactly
// the aggregates of the pool's trust classes that trust the service
// (docs/adr/002, amendment 2), and no fewer than the settled shares of the
// delegators who trust it (the class aggregates keep share dust above them).
func (k *Keeper) PoolSharesInvariant(ctx context.Context) (string, bool) {
	type ps struct{ pool, service uint32 }
	want, held := map[ps]sdkmath.LegacyDec{}, map[ps]sdkmath.LegacyDec{}
	add := func(m map[ps]sdkmath.LegacyDec, key ps, x sdkmath.LegacyDec) {
		if cur, ok := m[key]; ok {
			m[key] = cur.Add(x)
		} else {
			m[key] = x
		}
	}
	err := k.restaking.IterateTrustClasses(ctx, func(c restakingtypes.TrustClass) (bool, error) {
		for _, s := range c.ServiceIds {
			for _, sh := range c.Shares {
				add(want, ps{c.PoolId, s}, sh.Amount)
			}
		}
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	err = k.restaking.IterateAllDelegations(ctx, func(user sdk.AccAddress, d restakingtypes.Delegation) (bool, error) {
		if d.Type != restakingtypes.DELEGATION_TYPE_POOL {
			return false, nil
		}
		prefs, err := k.restaking.GetUserPreferences(ctx, user)
		if err != nil {
			return true, err
		}
		for _, p := range positions(d, prefs) {
			add(held, ps{d.TargetId, p.bucket.K2().K1()}, p.shares)
		}
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	msg := ""
	err = k.poolServiceShares.Walk(ctx, nil, func(key collections.Pair[uint32, uint32], got sdkmath.LegacyDec) (bool, error) {
		id := ps{key.K1(), key.K2()}
		if shares, ok := want[id]; !ok || !got.Equal(shares) {
			msg = fmt.Sprintf("pool %d service %d: counted %s trusting shares, its trust classes hold %s", id.pool, id.service, got, shares)
			return true, nil
		}
		if h, ok := held[id]; ok && h.GT(got) {
			msg = fmt.Sprintf("pool %d service %d: counted %s trusting shares, delegations hold %s", id.pool, id.service, got, h)
			return true, nil
		}
		delete(want, id)
		delete(held, id)
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	for id, shares := range want {
		if msg == "" && shares.IsPositive() {
			msg = fmt.Sprintf("pool %d service %d: trust classes hold %s shares, none counted", id.pool, id.service, shares)
		}
	}
	for id, shares := range held {
		if msg == "" && shares.IsPositive() {
			msg = fmt.Sprintf("pool %d service %d: delegations hold %s trusting shares, none counted", id.pool, id.service, shares)
		}
	}
	return msg, msg != ""
}
