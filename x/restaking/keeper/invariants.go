package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// StakeInvariant checks that the accounting adds up:
//   - every target's shares per denom equal the sum of its delegators' shares
//     (a trust class's aggregate standing for its members'), and each
//     class's aggregate is at least its members' settled shares,
//   - the per-denom totals equal the sum of the targets' tokens,
//   - every target account holds at least its tokens plus what it owes to
//     unbonding delegators,
//   - every delegation and unbonding points at an existing target.
//
// It returns a description of the first broken rule, or "" and false. It
// walks all state: it is for tests and simulations, never for a block.
func (k *Keeper) StakeInvariant(ctx context.Context) (string, bool) {
	type tk struct {
		t     types.DelegationType
		id    uint32
		denom string
	}
	shareSums := map[tk]sdkmath.LegacyDec{}
	owed := map[tk]sdkmath.Int{}
	var msg string
	fail := func(format string, args ...any) (bool, error) { msg = fmt.Sprintf(format, args...); return true, nil }

	_ = k.delegations.Walk(ctx, nil, func(_ DelegationKey, d types.Delegation) (bool, error) {
		if _, err := k.existingTarget(ctx, d.Type, d.TargetId); err != nil {
			return fail("delegation of %s points at missing %s %d", d.UserAddress, d.Type, d.TargetId)
		}
		if d.TrustClass != 0 { // counted through its class, below
			return false, nil
		}
		for _, s := range d.Shares {
			key := tk{d.Type, d.TargetId, s.Denom}
			if _, ok := shareSums[key]; !ok {
				shareSums[key] = sdkmath.LegacyZeroDec()
			}
			shareSums[key] = shareSums[key].Add(s.Amount)
		}
		return false, nil
	})
	if msg != "" {
		return msg, true
	}
	_ = k.trustClasses.Walk(ctx, nil, func(_ uint64, c types.TrustClass) (bool, error) {
		for _, s := range c.Shares {
			key := tk{types.DELEGATION_TYPE_POOL, c.PoolId, s.Denom}
			if _, ok := shareSums[key]; !ok {
				shareSums[key] = sdkmath.LegacyZeroDec()
			}
			shareSums[key] = shareSums[key].Add(s.Amount)
		}
		return false, nil
	})
	if msg := k.classMembersInvariant(ctx); msg != "" {
		return msg, true
	}
	_ = k.unbondings.Walk(ctx, nil, func(_ DelegationKey, u types.UnbondingDelegation) (bool, error) {
		if _, err := k.existingTarget(ctx, u.Type, u.TargetId); err != nil {
			return fail("unbonding of %s points at missing %s %d", u.DelegatorAddress, u.Type, u.TargetId)
		}
		for _, e := range u.Entries {
			for _, c := range e.Balance {
				key := tk{u.Type, u.TargetId, c.Denom}
				if _, ok := owed[key]; !ok {
					owed[key] = sdkmath.ZeroInt()
				}
				owed[key] = owed[key].Add(c.Amount)
			}
		}
		return false, nil
	})
	if msg != "" {
		return msg, true
	}
	totals := map[string]sdkmath.Int{}
	_ = k.targetStakes.Walk(ctx, nil, func(key collections.Triple[int32, uint32, string], s types.DenomStake) (bool, error) {
		t := tk{types.DelegationType(key.K1()), key.K2(), key.K3()}
		sum, ok := shareSums[t]
		if !ok {
			sum = sdkmath.LegacyZeroDec()
		}
		if !sum.Equal(s.Shares) {
			return fail("%s %d %s: target shares %s, delegations hold %s", t.t, t.id, t.denom, s.Shares, sum)
		}
		delete(shareSums, t)
		if _, ok := totals[t.denom]; !ok {
			totals[t.denom] = sdkmath.ZeroInt()
		}
		totals[t.denom] = totals[t.denom].Add(s.Tokens)
		target, err := k.existingTarget(ctx, t.t, t.id)
		if err != nil {
			return fail("stake of missing %s %d", t.t, t.id)
		}
		need := s.Tokens
		if o, ok := owed[t]; ok {
			need = need.Add(o)
		}
		if bal := k.bank.GetBalance(ctx, target.Address, t.denom); bal.Amount.LT(need) {
			return fail("%s %d holds %s but owes %s%s", t.t, t.id, bal, need, t.denom)
		}
		return false, nil
	})
	if msg != "" {
		return msg, true
	}
	for t, sum := range shareSums {
		return fmt.Sprintf("delegations hold %s shares of %s %d %s with no target stake", sum, t.t, t.id, t.denom), true
	}
	_ = k.totalRestaked.Walk(ctx, nil, func(denom string, total sdkmath.Int) (bool, error) {
		if want, ok := totals[denom]; !ok || !want.Equal(total) {
			return fail("total restaked %s%s, targets hold %v", total, denom, totals[denom])
		}
		delete(totals, denom)
		return false, nil
	})
	if msg != "" {
		return msg, true
	}
	for denom, sum := range totals {
		if sum.IsPositive() {
			return fmt.Sprintf("targets hold %s%s with no total", sum, denom), true
		}
	}
	return "", false
}

// SecurityInvariant checks that joins and borrowed pools point at existing
// operators, services and pools. The reverse indexes of joins and
// allowlists are kept by the store with the sets, so nothing here compares
// the two sides. Like StakeInvariant it walks all state.
func (k *Keeper) SecurityInvariant(ctx context.Context) (string, bool) {
	var msg string
	_ = k.operatorJoinedServices.Walk(ctx, nil, func(key IDPair, _ collections.NoValue) (bool, error) {
		if _, err := k.operators.GetOperator(ctx, key.K1()); err != nil {
			msg = fmt.Sprintf("join of missing operator %d", key.K1())
		} else if _, err := k.services.GetService(ctx, key.K2()); err != nil {
			msg = fmt.Sprintf("join of missing service %d", key.K2())
		}
		return msg != "", nil
	})
	if msg != "" {
		return msg, true
	}
	_ = k.serviceSecuringPools.Walk(ctx, nil, func(key IDPair) (bool, error) {
		if _, err := k.pools.GetPool(ctx, key.K2()); err != nil {
			msg = fmt.Sprintf("service %d borrows missing pool %d", key.K1(), key.K2())
		}
		return msg != "", nil
	})
	return msg, msg != ""
}

// classMembersInvariant: every class member is a pool delegation of the
// class's pool whose owner trusts exactly the class's set, and the members'
// settled shares add up to no more than the class's aggregate (the ADR's
// exactness claim).
func (k *Keeper) classMembersInvariant(ctx context.Context) string {
	sums := map[uint64]sdk.DecCoins{}
	var msg string
	_ = k.delegations.Walk(ctx, nil, func(key DelegationKey, d types.Delegation) (bool, error) {
		if d.Type != types.DELEGATION_TYPE_POOL {
			return false, nil
		}
		prefs, err := k.GetUserPreferences(ctx, key.K1())
		if err != nil {
			msg = err.Error()
			return true, nil
		}
		id, err := k.findClass(ctx, types.TrustedSet(prefs, d.TargetId), d.TargetId)
		if err != nil || id != d.TrustClass {
			msg = fmt.Sprintf("pool delegation of %s to %d is in class %d, its trust says %d", d.UserAddress, d.TargetId, d.TrustClass, id)
			return true, nil
		}
		settled, err := k.settled(ctx, d)
		if err != nil {
			msg = err.Error()
			return true, nil
		}
		sums[d.TrustClass] = sums[d.TrustClass].Add(settled.Shares...)
		return false, nil
	})
	if msg != "" {
		return msg
	}
	_ = k.trustClasses.Walk(ctx, nil, func(id uint64, c types.TrustClass) (bool, error) {
		if _, short := c.Shares.SafeSub(sums[id]); short {
			msg = fmt.Sprintf("class %d holds %s shares, its members %s", id, c.Shares, sums[id])
		}
		return msg != "", nil
	})
	return msg
}
