package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// The lazy pool burn against the eager rule (docs/adr/002, amendment 2):
// after each block, every pool position whose owner did not touch their
// stake in the block must hold what the eager rule gives from its shares
// at the block's start (x ← x − ⌊x·g⌋ for each executed slash at a service
// it trusts, g = fraction × operator weight), up to the truncation dust
// the ADR bounds; and no pool's delegators may hold more shares than the
// pool has.

// eagerTolerance bounds |lazy − eager| for x shares after k slashes: the
// ADR's k + 1 ulps plus x·k·10⁻¹⁸/F, with F ≥ 10⁻⁶ in this run.
func eagerTolerance(x sdkmath.LegacyDec, k int) sdkmath.LegacyDec {
	ulps := sdkmath.LegacySmallestDec().MulInt64(int64(k + 1))
	return ulps.Add(x.MulInt64(int64(k)).Mul(sdkmath.LegacyNewDecWithPrec(1, 12)))
}

// eagerCheck counts what the comparison covered, so the run is known to
// reach positions trusting both services, slashed at both.
type eagerCheck struct {
	compared, multiService, bothHit int
}

// requireEagerLoss compares the untouched pool positions of before with
// their shares now.
func (w *propWorld) requireEagerLoss(before map[string]sdk.DecCoins, touched map[string]bool, c *eagerCheck) {
	e := w.e
	var executed []types.Slash
	for _, ev := range findEvent[*types.EventSlashExecuted](e.t.(*testing.T), e.endEvents) {
		executed = append(executed, e.slash(ev.SlashId))
	}
	after := w.positions()
	for _, user := range w.users {
		if touched[user] {
			continue
		}
		prefs, err := e.restaking.GetUserPreferences(e.ctx, mustAcc(user))
		require.NoError(e.t, err)
		for _, p := range w.pools {
			key := positionKey(user, pool, p)
			shares, ok := before[key]
			if !ok {
				continue
			}
			x := shares[0].Amount
			hits, services := 0, map[uint32]bool{}
			for _, s := range executed {
				if !w.poolSlashReaches(s, p) || !prefs.TrustsService(s.ServiceId, p) {
					continue
				}
				x = x.Sub(restakingtypes.BurnShares(x, s.Fraction.MulTruncate(s.PoolWeight)))
				hits++
				services[s.ServiceId] = true
			}
			got := after[key].AmountOf(shares[0].Denom)
			require.True(e.t, got.Sub(x).Abs().LTE(eagerTolerance(x, hits)),
				"%s at height %d: lazy %s, eager %s after %d slashes", key, e.ctx.BlockHeight(), got, x, hits)
			c.compared++
			if len(restakingtypes.TrustedSet(prefs, p)) > 1 {
				c.multiService++
				if len(services) > 1 {
					c.bothHit++
				}
			}
		}
	}
	for _, p := range w.pools {
		sum := sdkmath.LegacyZeroDec()
		denom := ""
		for _, user := range append([]string{admin}, w.users...) {
			if d, ok := after[positionKey(user, pool, p)]; ok {
				sum, denom = sum.Add(d[0].Amount), d[0].Denom
			}
		}
		if denom != "" {
			require.True(e.t, sum.LTE(e.stake(pool, p, denom).Shares), "pool %d: delegators hold %s shares, the pool %s", p, sum, e.stake(pool, p, denom).Shares)
		}
	}
}

// poolSlashReaches tells whether an executed slash burned pool p's
// trusting shares: the service borrows p and the operator was joined.
func (w *propWorld) poolSlashReaches(s types.Slash, p uint32) bool {
	joined, err := w.e.restaking.IsOperatorJoined(w.e.ctx, s.OperatorId, s.ServiceId)
	require.NoError(w.e.t, err)
	pools, err := w.e.restaking.ServiceSecuringPools(w.e.ctx, s.ServiceId)
	require.NoError(w.e.t, err)
	for _, q := range pools {
		if q == p {
			return joined && s.Fraction.MulTruncate(s.PoolWeight).IsPositive()
		}
	}
	return false
}
