package keeper_test

import (
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	rewardstypes "github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestDoubleSignWorkedExample runs docs/adr/002's worked example end to
// end, once burning the slashed tokens and once paying them to the rule's
// recipient.
func TestDoubleSignWorkedExample(t *testing.T) {
	for _, tc := range []struct{ name, recipient string }{{"burned", ""}, {"paid to the recipient", treasury}} {
		t.Run(tc.name, func(t *testing.T) { runWorkedExample(t, tc.recipient) })
	}
}

func runWorkedExample(t *testing.T, recipient string) {
	x := newExample(t, recipient)
	e := x.e
	x.untilDue()
	// The plan paid 1000 uinit a block to P's (P, S) bucket, whose base is
	// carol's 1000 trusting shares: ratio +1 a block, 10 blocks so far.
	require.Equal(t, 10, x.blocksPaid)
	supplyTIA, supplyINIT := e.supply("umilktia"), e.supply("uinit")
	carolINIT, daveINIT := e.balance(carol, "uinit"), e.balance(dave, "uinit")
	e.requireStake(pool, x.p, "umilktia", 2000, "2000")

	e.nextBlock(block) // the slash executes at the end of the due block
	x.blocksPaid++

	// 1. O1's own stake: tokens fall by 10%, shares stay.
	e.requireStake(opType, x.o1, "umilktia", 900, "1000")
	e.requireStake(opType, x.o1, "uinit", 270, "300")
	aliceDel, _ := e.delegation(alice, opType, x.o1)
	require.Equal(t, "300.000000000000000000uinit,600.000000000000000000umilktia", aliceDel.Shares.String())
	tia, init := e.stake(opType, x.o1, "umilktia"), e.stake(opType, x.o1, "uinit")
	require.Equal(t, "540", tia.TokensFor(dec("600")).String())
	require.Equal(t, "270", init.TokensFor(dec("300")).String())
	require.Equal(t, "360", tia.TokensFor(dec("400")).String()) // bob
	// O2 is untouched.
	e.requireStake(opType, x.o2, "uinit", 1000, "1000")

	// 2. alice's unbondings: the ones at and after h lose 10% (the ADR's 200
	// → 180, and 50 → 45 at h); the one before h keeps everything.
	require.Equal(t, []sdk.Coins{coins("100umilktia"), coins("45umilktia"), coins("180umilktia")},
		e.unbondingBalances(alice, opType, x.o1))

	// 3. P answers for O1 in proportion to O1's weight among S's operators:
	// w = $5300 / $6300, computed as the keeper does.
	w := dec("0.0053").Quo(dec("0.0063"))
	require.Equal(t, "0.841269841269841270", w.String())
	require.Equal(t, w, e.slash(x.slashID).PoolWeight, "fixed when the evidence was accepted")
	poolFraction := dec("0.1").MulTruncate(w)
	require.Equal(t, "0.084126984126984127", poolFraction.String())
	burn := dec("1000").MulTruncate(poolFraction)
	require.Equal(t, "84.126984126984127000", burn.String())
	carolDel, _ := e.delegation(carol, pool, x.p)
	require.Equal(t, "915.873015873015873000", carolDel.Shares.AmountOf("umilktia").String())
	daveDel, _ := e.delegation(dave, pool, x.p)
	require.Equal(t, "1000.000000000000000000umilktia", daveDel.Shares.String())
	// P's tokens fall by ⌊84.126…⌋ = 84; the 0.126… stays in P as dust.
	e.requireStake(pool, x.p, "umilktia", 1916, dec("2000").Sub(burn).String())
	dust, err := e.queries.Dust(e.ctx, &types.QueryDustRequest{})
	require.NoError(t, err)
	require.Equal(t, "0.126984126984127000umilktia", dust.Dust.String())
	trusting, err := e.rewardsQueries().PoolServiceTotalShares(e.ctx, &rewardstypes.QueryPoolServiceTotalSharesRequest{PoolId: x.p, ServiceId: x.s})
	require.NoError(t, err)
	require.Equal(t, "915.873015873015873000", trusting.Shares.String())

	// 4. Total: 100 + 20 + 5 + 84 umilktia and 30 uinit, burned or paid.
	total := coins("209umilktia,30uinit") // the ADR's 204 + 5 from the entry at h
	s := e.slash(x.slashID)
	require.Equal(t, types.SLASH_STATUS_EXECUTED, s.Status)
	require.Equal(t, total, s.Slashed)
	if recipient == "" {
		require.Equal(t, supplyTIA.SubRaw(209).String(), e.supply("umilktia").String())
		require.Equal(t, supplyINIT.SubRaw(30).String(), e.supply("uinit").String())
	} else {
		require.Equal(t, supplyTIA.String(), e.supply("umilktia").String())
		require.Equal(t, supplyINIT.String(), e.supply("uinit").String())
		require.Equal(t, total, e.bank.GetAllBalances(e.ctx, mustAcc(recipient)))
	}
	executed := findEvent[*types.EventSlashExecuted](t, e.endEvents)
	require.Len(t, executed, 1)
	wantDest := recipient
	if wantDest == "" {
		wantDest = types.BurnDestination
	}
	require.Equal(t, wantDest, executed[0].Destination)
	require.Equal(t, total, executed[0].Slashed)
	targets := findEvent[*types.EventTargetSlashed](t, e.endEvents)
	require.Len(t, targets, 2)
	require.Equal(t, coins("100umilktia,30uinit"), targets[0].Bonded)
	require.Equal(t, coins("25umilktia"), targets[0].Unbonding)
	require.Equal(t, coins("84umilktia"), targets[1].Bonded)

	// Rewards: the lazy burn pays nobody at the slash (docs/adr/002,
	// amendment 2); carol's 10 blocks × 1000 uinit earned before it stay
	// owed on her 1000 pre-slash shares, and nothing of it is lost.
	require.Equal(t, carolINIT.String(), e.balance(carol, "uinit").String())
	// After the slash each block's 1000 uinit goes over the 915.87… trusting
	// shares left; 4 more blocks make 5 since the slash.
	e.advance(4, block)
	x.blocksPaid += 4
	delta := dec("1000").QuoTruncate(dec("915.873015873015873"))
	require.Equal(t, "1.091854419410745233", delta.String())
	owed := delta.MulInt64(5).MulTruncate(dec("915.873015873015873"))
	require.Equal(t, "4999.999999999999995476", owed.String())
	// 10 000 before the slash + 4 999.99… after, truncated once.
	require.Equal(t, coins("14999uinit"), e.withdraw(carol, pool, x.p))
	require.Equal(t, carolINIT.AddRaw(14999).String(), e.balance(carol, "uinit").String())
	// dave trusts no one: he earns nothing from S, before or after.
	require.True(t, e.withdraw(dave, pool, x.p).IsZero())
	require.Equal(t, daveINIT.String(), e.balance(dave, "uinit").String())
	planRes, err := e.rewardsQueries().RewardsPlan(e.ctx, &rewardstypes.QueryRewardsPlanRequest{PlanId: x.plan})
	require.NoError(t, err)
	require.Equal(t, sdkInt(int64(x.blocksPaid*examplePerBlock)).String(), planRes.Plan.Allocated.String())

	// Jail: O1 takes no delegation until unjailed after an hour.
	require.True(t, e.isJailed(x.o1, x.s))
	jails, err := e.queries.Jails(e.ctx, &types.QueryJailsRequest{ServiceId: x.s})
	require.NoError(t, err)
	require.Equal(t, []types.Jail{{OperatorId: x.o1, ServiceId: x.s, Until: x.executeAt.Add(exampleJail)}}, jails.Jails)
	require.ErrorIs(t, e.tryDelegate(alice, opType, x.o1, "10umilktia"), types.ErrOperatorJailed)
	e.delegate(alice, opType, x.o2, "10uinit") // O2 is not jailed
	unjail := &types.MsgUnjail{Sender: op1Admin, OperatorId: x.o1, ServiceId: x.s}
	_, err = e.msgs.Unjail(e.ctx, unjail)
	require.ErrorIs(t, err, types.ErrStillJailed)
	e.advance(6, 10*time.Minute)
	require.False(t, e.ctx.BlockTime().Before(x.executeAt.Add(exampleJail)))
	require.True(t, e.isJailed(x.o1, x.s), "a served jail lasts until the operator unjails")
	_, err = e.msgs.Unjail(e.ctx, unjail)
	require.NoError(t, err)
	require.False(t, e.isJailed(x.o1, x.s))
	e.delegate(alice, opType, x.o1, "10umilktia")
	e.nextBlock(block)
}

// findEvent decodes the typed events of type T.
func findEvent[T proto.Message](t *testing.T, events sdk.Events) []T {
	var out []T
	var zero T
	name := proto.MessageName(zero)
	for _, ev := range events {
		if ev.Type != name {
			continue
		}
		msg, err := sdk.ParseTypedEvent(abci.Event(ev))
		require.NoError(t, err)
		out = append(out, msg.(T))
	}
	return out
}

// TestNearTotalSlashLeavesEveryoneAWayOut: the chain never allows a 100%
// slash; at 99.9% of the only operator (weight 1) the operator keeps a few
// tokens behind its shares and the trusting pool position keeps a sliver,
// so every delegator can still leave and the operator could still be
// deleted once empty. Rewards earned before are paid at the next
// settlement; invariants hold.
func TestNearTotalSlashLeavesEveryoneAWayOut(t *testing.T) {
	e := newEnv(t, func(_ *env, gs *types.GenesisState) { gs.Params.MaxSlashFraction = dec("0.999") })
	s := e.service()
	o := e.operator(op1Admin, s)
	e.trust(carol, s)
	e.delegate(carol, pool, 0, "1000umilktia")
	e.delegate(dave, pool, 0, "1000umilktia")
	e.borrowPool(s, 1)
	_, err := e.msgs.SetSlashingRules(e.ctx, &types.MsgSetSlashingRules{Sender: admin, ServiceId: s,
		Rules: []types.SlashingRule{rule(types.FAULT_KIND_DOUBLE_SIGN, "1", 0, 0)}})
	require.ErrorIs(t, err, types.ErrInvalidRule, "no rule may take everything")
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.999", 0, 0))
	e.registerKey(op1Admin, o, s)
	e.delegate(alice, opType, o, "5000umilktia")
	e.plan(s, examplePerDay, exampleBudget, 1, 0, 0)
	e.advance(3, block) // carol earns 3 × 1000 uinit
	carolINIT := e.balance(carol, "uinit")
	e.submitDoubleSign(doubleSign(eve, s, o, 1, e.ctx.BlockHeight(), "0.999"))
	e.nextBlock(block)
	e.requireStake(opType, o, "umilktia", 5, "5000") // ⌊5000 × 0.999⌋ = 4995 taken
	del, found := e.delegation(carol, pool, 1)
	require.True(t, found)
	require.Equal(t, "1.000000000000000000umilktia", del.Shares.String())
	// 3 × 1000 earned before the slash on her 1000 shares, and the block
	// that began after it: 1000 over the 1 trusting share left, all hers.
	require.Equal(t, coins("4000uinit"), e.withdraw(carol, pool, 1),
		"rewards earned before the slash are paid on the pre-slash shares")
	require.Equal(t, carolINIT.AddRaw(4*examplePerBlock).String(), e.balance(carol, "uinit").String())
	e.undelegate(alice, opType, o, "5umilktia")
	e.undelegate(carol, pool, 1, "1umilktia")
	_, found = e.delegation(alice, opType, o)
	require.False(t, found, "alice left the operator")
	e.advance(3, block)
}
