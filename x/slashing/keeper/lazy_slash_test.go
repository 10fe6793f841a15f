package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// Lazy pool burns by trust class (docs/adr/002, amendment 2). lazyWorld:
// services S1 and S2 both borrow pool P (umilktia) and are secured by one
// operator O (weight 1 at each, so a slash burns its fraction of the
// trusting pool shares). A double sign is slashed at the rule's maximum:
// 10% at S1, 20% at S2. carol trusts S1 and S2, dave S1 only, erin S2
// only, bob no one; each has 1000 umilktia in P.
type lazyWorld struct {
	e      *env
	s1, s2 uint32
	o, p   uint32
	job    uint64
}

func newLazyWorld(t *testing.T) *lazyWorld {
	e := newEnv(t)
	w := &lazyWorld{e: e, s1: e.service(), s2: e.service()}
	w.o = e.operator(op1Admin, w.s1, w.s2)
	e.setRules(w.s1, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.1", 0, 0))
	e.setRules(w.s2, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.2", 0, 0))
	for _, s := range []uint32{w.s1, w.s2} {
		e.registerKey(op1Admin, w.o, s)
	}
	e.delegate(alice, opType, w.o, "1000umilktia")
	e.trust(carol, w.s1, w.s2)
	e.trust(dave, w.s1)
	e.trust(erin, w.s2)
	for _, u := range []string{carol, dave, erin, bob} {
		e.delegate(u, pool, 0, "1000umilktia")
	}
	p, err := e.pools.GetPoolByDenom(e.ctx, "umilktia")
	require.NoError(t, err)
	w.p = p.Id
	e.borrowPool(w.s1, w.p)
	e.borrowPool(w.s2, w.p)
	return w
}

// slash double-signs O at s and executes it (no veto window) in the next
// block, at the rule's maximum.
func (w *lazyWorld) slash(s uint32) {
	w.job++
	w.e.submitDoubleSign(doubleSign(eve, s, w.o, w.job, w.e.ctx.BlockHeight(), "0.1"))
	w.e.nextBlock(block)
}

func (w *lazyWorld) shares(user string) string {
	d, found := w.e.delegation(user, pool, w.p)
	if !found {
		return "0"
	}
	return d.Shares.AmountOf("umilktia").String()
}

// stored is the delegation as the store holds it (not settled).
func (w *lazyWorld) stored(user string) restakingtypes.Delegation {
	d, _, found, err := w.e.restaking.DelegationHistory(w.e.ctx, pool, w.p, mustAcc(user))
	require.NoError(w.e.t, err)
	require.True(w.e.t, found)
	return d
}

// poolServiceShares reads x/rewards' per-service share base of P.
func (w *lazyWorld) poolServiceShares() map[uint32]string {
	gs, err := w.e.rewards.ExportGenesis(w.e.ctx)
	require.NoError(w.e.t, err)
	out := map[uint32]string{}
	for _, s := range gs.PoolServiceShares {
		if s.PoolId == w.p {
			out[s.ServiceId] = s.Shares.String()
		}
	}
	return out
}

// TestLazySlashTwoServices: carol, trusting S1 and S2, loses to both
// slashes, each on what the other left her, exactly as the eager rule
// would; dave and erin lose only to their own service's; bob never. The
// pool and the per-service bases fall by the burned shares.
func TestLazySlashTwoServices(t *testing.T) {
	w := newLazyWorld(t)
	w.slash(w.s1)
	require.Equal(t, "900.000000000000000000", w.shares(carol))
	require.Equal(t, "900.000000000000000000", w.shares(dave))
	require.Equal(t, "1000.000000000000000000", w.shares(erin))
	w.slash(w.s2)
	// Eager: 1000 − ⌊1000 × 0.1⌋ = 900, then 900 − ⌊900 × 0.2⌋ = 720.
	require.Equal(t, "720.000000000000000000", w.shares(carol))
	require.Equal(t, "900.000000000000000000", w.shares(dave))
	require.Equal(t, "800.000000000000000000", w.shares(erin))
	require.Equal(t, "1000.000000000000000000", w.shares(bob))
	// 4000 − 100 − 100 − 180 − 200 burned; the rate stays 1.
	w.e.requireStake(pool, w.p, "umilktia", 3420, "3420")
	require.Equal(t, map[uint32]string{w.s1: "1620.000000000000000000", w.s2: "1520.000000000000000000"}, w.poolServiceShares())
	// Nobody was written: carol's record still holds her 1000 shares.
	require.Equal(t, "1000.000000000000000000", w.stored(carol).Shares.AmountOf("umilktia").String())
	require.Zero(t, w.stored(carol).ClassEvent)
}

// TestLazySlashSettlesOnChange: a delegate or undelegate after a slash
// settles the delegation first: the stored record takes the effective
// shares and the class's last event, then the change applies.
func TestLazySlashSettlesOnChange(t *testing.T) {
	w := newLazyWorld(t)
	w.slash(w.s1)
	w.e.delegate(carol, pool, 0, "100umilktia")
	require.Equal(t, "1000.000000000000000000", w.shares(carol))
	d := w.stored(carol)
	require.Equal(t, "1000.000000000000000000", d.Shares.AmountOf("umilktia").String())
	require.Equal(t, uint64(1), d.ClassEvent)
	w.e.undelegate(dave, pool, w.p, "500umilktia")
	require.Equal(t, "400.000000000000000000", w.shares(dave))
	require.Equal(t, uint64(1), w.stored(dave).ClassEvent)
	// A second slash applies to the settled shares only.
	w.slash(w.s1)
	require.Equal(t, "900.000000000000000000", w.shares(carol))
	require.Equal(t, "360.000000000000000000", w.shares(dave))
	w.e.undelegate(dave, pool, w.p, "360umilktia")
	_, found := w.e.delegation(dave, pool, w.p)
	require.False(t, found, "a full exit removes the delegation")
}

// TestLazySlashPreferenceChange: a trust change after a slash settles the
// delegation and moves it to the class of its new trust: later slashes
// follow the new trust only.
func TestLazySlashPreferenceChange(t *testing.T) {
	w := newLazyWorld(t)
	w.slash(w.s1)
	w.e.trust(dave, w.s2) // from {S1} to {S2}
	d := w.stored(dave)
	require.Equal(t, "900.000000000000000000", d.Shares.AmountOf("umilktia").String())
	require.Equal(t, w.stored(erin).TrustClass, d.TrustClass, "dave joins erin's class")
	w.slash(w.s1)
	require.Equal(t, "900.000000000000000000", w.shares(dave), "S1 no longer reaches dave")
	w.slash(w.s2)
	require.Equal(t, "720.000000000000000000", w.shares(dave))
	require.Equal(t, "800.000000000000000000", w.shares(erin))
	// carol: 1000 → 900 → 810 → 648.
	require.Equal(t, "648.000000000000000000", w.shares(carol))
	w.e.trust(dave) // trusts no one: leaves every class
	require.Zero(t, w.stored(dave).TrustClass)
	w.slash(w.s2)
	require.Equal(t, "720.000000000000000000", w.shares(dave))
	require.Equal(t, "518.400000000000000000", w.shares(carol))
}

// TestLazySlashRewardsTwoServices: carol earns from S1's and S2's plans;
// what she earned before an S1 slash is owed on her pre-slash shares and
// is not paid at the slash, and afterwards each bucket pays on what she
// holds: S1's on 900 of 1800, S2's on 900 of 1900 (erin's 1000 untouched).
func TestLazySlashRewardsTwoServices(t *testing.T) {
	w := newLazyWorld(t)
	e := w.e
	e.plan(w.s1, examplePerDay, exampleBudget, 1, 0, 0)
	e.plan(w.s2, examplePerDay, exampleBudget, 1, 0, 0)
	e.advance(3, block)
	owed := func(user string) sdkmath.LegacyDec {
		d, found := e.delegation(user, pool, w.p)
		require.True(t, found)
		c, err := e.rewards.DelegationRewards(e.ctx, mustAcc(user), d)
		require.NoError(t, err)
		return c.AmountOf("uinit")
	}
	// Before: per block S1 pays 1000 over 2000 trusting shares (carol,
	// dave) and S2 1000 over 2000 (carol, erin).
	pre := owed(carol)
	require.True(t, pre.IsPositive())
	balance := e.balance(carol, "uinit")
	w.job++
	e.submitDoubleSign(doubleSign(eve, w.s1, w.o, w.job, e.ctx.BlockHeight(), "0.1"))
	require.True(t, owed(carol).Equal(pre), "nothing allocated yet")
	e.nextBlock(block) // the slash executes; one block is allocated after it
	require.Equal(t, balance.String(), e.balance(carol, "uinit").String(), "a lazy burn pays nobody")
	e.advance(2, block)
	// Three blocks after the slash: 1000 × 900/1800 + 1000 × 900/1900 each.
	post := dec("500").Add(dec("1000").Mul(dec("900")).Quo(dec("1900"))).MulInt64(3)
	got := owed(carol).Sub(pre)
	require.True(t, got.Sub(post).Abs().LT(dec("0.000001")), "carol earned %s after the slash, want %s", got, post)
	erinPost := dec("1000").Mul(dec("1000")).Quo(dec("1900")).MulInt64(3)
	erinPre := dec("1500") // 500 a block for the three blocks before
	require.True(t, owed(erin).Sub(erinPre.Add(erinPost)).Abs().LT(dec("0.000001")), "erin owed %s", owed(erin))
	paid := e.withdraw(carol, pool, w.p)
	require.Equal(t, pre.Add(got).TruncateInt().String(), paid.AmountOf("uinit").String())
	require.True(t, owed(carol).IsZero())
}

// TestLazySlashGenesisRoundTrip: classes, events, unsettled delegations
// and event ratios survive an export and import: every delegation settles
// to the same shares and owes the same rewards afterwards.
func TestLazySlashGenesisRoundTrip(t *testing.T) {
	w := newLazyWorld(t)
	e := w.e
	e.plan(w.s1, examplePerDay, exampleBudget, 1, 0, 0)
	e.advance(2, block)
	w.slash(w.s1)
	w.slash(w.s2)
	e.advance(2, block)
	rs, err := e.restaking.ExportGenesis(e.ctx)
	require.NoError(t, err)
	require.NoError(t, rs.Validate())
	require.Len(t, rs.TrustClasses, 3) // {S1,S2}, {S1}, {S2}
	require.Len(t, rs.TrustClassEvents, 4)
	rw, err := e.rewards.ExportGenesis(e.ctx)
	require.NoError(t, err)
	require.NoError(t, rw.Validate())
	require.NotEmpty(t, rw.ClassEventRatios)
	before := map[string]sdk.DecCoins{}
	for _, u := range []string{carol, dave, erin, bob} {
		d, _ := e.delegation(u, pool, w.p)
		c, err := e.rewards.DelegationRewards(e.ctx, mustAcc(u), d)
		require.NoError(t, err)
		before[u] = append(d.Shares, c...)
	}
	ctx, _ := e.ctx.CacheContext()
	e.f.ClearStore(ctx, restakingtypes.StoreKey)
	e.f.ClearStore(ctx, "rewards")
	require.NoError(t, e.restaking.InitGenesis(ctx, rs))
	require.NoError(t, e.rewards.InitGenesis(ctx, rw))
	again, err := e.restaking.ExportGenesis(ctx)
	require.NoError(t, err)
	require.Equal(t, string(e.cdc.MustMarshalJSON(rs)), string(e.cdc.MustMarshalJSON(again)))
	againRw, err := e.rewards.ExportGenesis(ctx)
	require.NoError(t, err)
	require.Equal(t, string(e.cdc.MustMarshalJSON(rw)), string(e.cdc.MustMarshalJSON(againRw)))
	for _, u := range []string{carol, dave, erin, bob} {
		d, _, err := e.restaking.GetDelegation(ctx, pool, w.p, mustAcc(u))
		require.NoError(t, err)
		c, err := e.rewards.DelegationRewards(ctx, mustAcc(u), d)
		require.NoError(t, err)
		require.Equal(t, before[u].String(), append(d.Shares, c...).String(), u)
	}
	for name, inv := range map[string]func(ctx2 sdk.Context) (string, bool){
		"stake":       func(c sdk.Context) (string, bool) { return e.restaking.StakeInvariant(c) },
		"pool-shares": func(c sdk.Context) (string, bool) { return e.rewards.PoolSharesInvariant(c) },
	} {
		msg, broken := inv(ctx)
		require.False(t, broken, "%s: %s", name, msg)
	}
}
