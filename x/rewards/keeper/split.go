package keeper

import (
	sdkmath "cosmossdk.io/math"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// targetShare is the fraction of a slice one target receives.
type targetShare struct {
	target   eligibleTarget
	fraction sdkmath.LegacyDec
}

// group is one of the three groups with its targets' weights inside it.
type group struct {
	weight  uint32
	value   sdkmath.LegacyDec
	targets []eligibleTarget
	inner   []sdkmath.LegacyDec
}

// splitGroups turns a plan's distributions into one fraction per target.
// Groups with nothing to pay are left out. The rest share by the plan's
// group weights, or by value if all their weights are zero. Inside a group:
// basic by value, weighted by the listed weights, egalitarian equally.
func splitGroups(plan types.RewardsPlan, pools, operators, users []eligibleTarget) []targetShare {
	groups := []group{
		newGroup(plan.PoolsDistribution, pools),
		newGroup(plan.OperatorsDistribution, operators),
		newGroup(types.Distribution{Type: types.DISTRIBUTION_TYPE_BASIC, Weight: plan.UsersDistribution.Weight}, users),
	}
	totalWeight, totalValue := sdkmath.LegacyZeroDec(), sdkmath.LegacyZeroDec()
	var live []group
	for _, g := range groups {
		if g.targets == nil {
			continue
		}
		live = append(live, g)
		totalWeight = totalWeight.Add(sdkmath.LegacyNewDec(int64(g.weight)))
		totalValue = totalValue.Add(g.value)
	}
	var out []targetShare
	for _, g := range live {
		groupFraction := g.value.QuoTruncate(totalValue)
		if totalWeight.IsPositive() {
			groupFraction = sdkmath.LegacyNewDec(int64(g.weight)).QuoTruncate(totalWeight)
		}
		if !groupFraction.IsPositive() {
			continue
		}
		for i, t := range g.targets {
			out = append(out, targetShare{target: t, fraction: groupFraction.MulTruncate(g.inner[i])})
		}
	}
	return out
}

// newGroup keeps the targets the distribution pays and their fractions
// within the group; targets is nil when the group pays nobody.
func newGroup(d types.Distribution, all []eligibleTarget) group {
	g := group{weight: d.Weight, value: sdkmath.LegacyZeroDec()}
	weights := make([]sdkmath.LegacyDec, 0, len(all))
	total := sdkmath.LegacyZeroDec()
	for _, t := range all {
		w := t.value
		switch d.Type {
		case types.DISTRIBUTION_TYPE_WEIGHTED:
			w = sdkmath.LegacyNewDec(int64(d.WeightOf(t.id)))
		case types.DISTRIBUTION_TYPE_EGALITARIAN:
			w = sdkmath.LegacyOneDec()
		}
		if !w.IsPositive() {
			continue
		}
		g.targets = append(g.targets, t)
		g.value = g.value.Add(t.value)
		weights = append(weights, w)
		total = total.Add(w)
	}
	for _, w := range weights {
		g.inner = append(g.inner, w.QuoTruncate(total))
	}
	return g
}
