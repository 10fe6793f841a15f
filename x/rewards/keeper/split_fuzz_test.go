package keeper

import (
	"testing"

	sdkmath "cosmossdk.io/math"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// FuzzSplitNeverOverpays: whatever the weights, types and values, the
// fractions handed to targets add up to at most 1 and none is negative, so
// a slice can never pay out more than it holds.
func FuzzSplitNeverOverpays(f *testing.F) {
	f.Add(uint8(1), uint32(1), uint32(2), uint32(3), uint64(10), uint64(20), uint64(30), uint32(5))
	f.Add(uint8(2), uint32(0), uint32(0), uint32(0), uint64(1), uint64(0), uint64(7), uint32(0))
	f.Fuzz(func(t *testing.T, kind uint8, wPools, wOps, wUsers uint32, v1, v2, v3 uint64, tw uint32) {
		dist := types.Distribution{Type: types.DistributionType(1 + kind%3), Weight: wOps}
		if dist.Type == types.DISTRIBUTION_TYPE_WEIGHTED {
			dist.Weights = []types.TargetWeight{{TargetId: 1, Weight: tw}, {TargetId: 2, Weight: 1}}
		}
		target := func(t restakingtypes.DelegationType, id uint32, v uint64) eligibleTarget {
			return eligibleTarget{t: t, id: id, value: sdkmath.LegacyNewDecFromInt(sdkmath.NewIntFromUint64(v))}
		}
		var pools, ops, users []eligibleTarget
		if v1 > 0 {
			pools = append(pools, target(restakingtypes.DELEGATION_TYPE_POOL, 1, v1))
		}
		if v2 > 0 {
			ops = append(ops, target(restakingtypes.DELEGATION_TYPE_OPERATOR, 1, v2), target(restakingtypes.DELEGATION_TYPE_OPERATOR, 2, v2/2+1))
		}
		if v3 > 0 {
			users = append(users, target(restakingtypes.DELEGATION_TYPE_SERVICE, 1, v3))
		}
		plan := types.RewardsPlan{PoolsDistribution: types.Distribution{Type: types.DISTRIBUTION_TYPE_BASIC, Weight: wPools},
			OperatorsDistribution: dist, UsersDistribution: types.UsersDistribution{Weight: wUsers}}
		total := sdkmath.LegacyZeroDec()
		for _, s := range splitGroups(plan, pools, ops, users) {
			if s.fraction.IsNegative() {
				t.Fatalf("negative fraction %s", s.fraction)
			}
			total = total.Add(s.fraction)
		}
		if total.GT(sdkmath.LegacyOneDec()) {
			t.Fatalf("fractions add up to %s > 1", total)
		}
	})
}
