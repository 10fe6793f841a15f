package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// validateTrustClasses checks the lazy slashing state (docs/adr/002,
// amendment 2): each class on its own and unique per (pool, set), one event
// per class event number with a factor in [0, 1], and every member
// delegation a pool delegation of the class's pool, settled at an event the
// class has seen, whose owner trusts exactly the class's set. It returns
// the classes' shares per pool denom: they stand for their members' shares
// in the pool's stake.
func (gs GenesisState) validateTrustClasses() (map[stakeKey]sdkmath.LegacyDec, error) {
	classes := map[uint64]TrustClass{}
	sets := map[string]bool{}
	sums := map[stakeKey]sdkmath.LegacyDec{}
	for _, c := range gs.TrustClasses {
		if err := c.Validate(); err != nil {
			return nil, err
		}
		set := fmt.Sprintf("%d/%s", c.PoolId, TrustSetKey(c.ServiceIds))
		if _, dup := classes[c.Id]; dup || sets[set] {
			return nil, errorsmod.Wrapf(ErrInvalidTrustClass, "class %d (pool/set %s) listed twice", c.Id, set)
		}
		if c.Id >= max(gs.NextTrustClassId, 1) {
			return nil, errorsmod.Wrapf(ErrInvalidTrustClass, "class %d not below next_trust_class_id %d", c.Id, gs.NextTrustClassId)
		}
		classes[c.Id], sets[set] = c, true
		for _, s := range c.Shares {
			k := stakeKey{DELEGATION_TYPE_POOL, c.PoolId, s.Denom}
			sums[k] = addDec(sums[k], s.Amount)
		}
	}
	seen := map[[2]uint64]bool{}
	for _, e := range gs.TrustClassEvents {
		c, ok := classes[e.ClassId]
		key := [2]uint64{e.ClassId, e.Event}
		if !ok || e.Event == 0 || e.Event > c.Events || seen[key] || e.Factor.IsNil() ||
			e.Factor.IsNegative() || e.Factor.GT(sdkmath.LegacyOneDec()) {
			return nil, errorsmod.Wrapf(ErrInvalidTrustClass, "event %d of class %d", e.Event, e.ClassId)
		}
		seen[key] = true
	}
	for _, c := range classes {
		for n := uint64(1); n <= c.Events; n++ {
			if !seen[[2]uint64{c.Id, n}] {
				return nil, errorsmod.Wrapf(ErrInvalidTrustClass, "class %d misses event %d", c.Id, n)
			}
		}
	}
	prefs := map[string]UserPreferences{}
	for _, r := range gs.UsersPreferences {
		prefs[r.User] = r.Preferences
	}
	for _, d := range gs.Delegations {
		want := []uint32(nil)
		if d.Type == DELEGATION_TYPE_POOL {
			want = TrustedSet(prefs[d.UserAddress], d.TargetId)
		}
		if d.TrustClass == 0 {
			if len(want) > 0 || d.ClassEvent != 0 {
				return nil, errorsmod.Wrapf(ErrInvalidTrustClass, "delegation of %s to %d has no class but trusts %v", d.UserAddress, d.TargetId, want)
			}
			continue
		}
		c, ok := classes[d.TrustClass]
		if !ok || c.PoolId != d.TargetId || d.ClassEvent > c.Events || TrustSetKey(c.ServiceIds) != TrustSetKey(want) {
			return nil, errorsmod.Wrapf(ErrInvalidTrustClass, "delegation of %s to %s %d in class %d", d.UserAddress, d.Type, d.TargetId, d.TrustClass)
		}
	}
	return sums, nil
}

func addDec(sum, x sdkmath.LegacyDec) sdkmath.LegacyDec {
	if sum.IsNil() {
		return x
	}
	return sum.Add(x)
}

// directShares is the part of a delegation counted in its target's shares
// directly: class members are counted through their class.
func (d Delegation) directShares() sdk.DecCoins {
	if d.TrustClass != 0 {
		return nil
	}
	return d.Shares
}
