package e2e

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

// Amounts of the rewards test. The plan pays in umilk, the fee denom, so
// every balance check below accounts for txFee.
const (
	planPerDay = 8_640_000_000_000 // umilk a day: 100_000_000 a second
	planFunds  = 20_000_000_000    // first budget, ~200 s of payouts
	planTopUp  = 5_000_000_000     // added later with top-up-plan

	commissionRate = "0.10"
)

// TestRewardsThroughCLI drives x/rewards through the CLI on real processes
// (mock DA, sequencer, DA-only full node). Genesis registers MILK (umilk)
// and TIA (umilktia) and names alice as the price feeder; alice posts
// prices, creates and activates a service and borrows the umilktia pool;
// bob registers an operator with a 10% commission and joins the service;
// carol restakes to the operator (two denoms), the service and the pool,
// trusting the service with the pool; dave restakes to the operator and
// the service and puts stake in the pool without trusting anyone. Alice
// then creates a funded plan split pools 1 : operators 2 : users 1.
//
// With all stake in place before the plan starts, every split is known:
// at one height the operator got twice what the service's delegators and
// the pool got, the commission is 10% of the operator's part, carol earns
// 13 times dave at the operator (by USD value per denom), dave earns
// nothing from the pool, and the rewards module holds exactly the plan's
// allocation. Withdrawals (one delegation, all delegations, commission)
// move each balance by exactly the amount in the tx's own events; after
// every payout allocated = module balance + everything paid, remaining =
// funded - allocated = escrow balance, and the module balance equals
// outstanding + commission + dust to the last decimal. Cancelling returns
// the remaining budget to alice and stops the payouts; what was allocated
// stays claimable. Four rejections are checked with their codes, the
// four rewards invariants hold on chain, and the full node ends with the
// sequencer's app hash.
func TestRewardsThroughCLI(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob", "carol", "dave")
	alice, bob, carol, dave := c.address("alice"), c.address("bob"), c.address("carol"), c.address("dave")
	c.editGenesis(func(appState map[string]json.RawMessage) {
		c.editModuleGenesis(appState, "assets", func(gs map[string]any) {
			gs["assets"] = []any{
				map[string]any{"denom": "umilk", "ticker": "MILK", "exponent": 6},
				map[string]any{"denom": "umilktia", "ticker": "TIA", "exponent": 6},
			}
		})
		c.editModuleGenesis(appState, "prices", func(gs map[string]any) {
			gs["params"] = map[string]any{"feeders": []any{alice}, "max_price_age": "3600s"}
		})
	})
	c.startDA()
	c.startSequencer()
	c.startFullNode()

	// Targets and stake. Txs of different accounts go in the same round.
	c.round(
		rtx("alice", "prices", "post-prices", "MILK=0.5", "TIA=5"),
		rtx("bob", "operators", "register", "Bob Ops", commissionRate, "0.20", "0.01"),
		rtx("carol", "restaking", "delegate-pool", "2000000umilktia"),
		rtx("dave", "restaking", "delegate-pool", "1000000umilktia"),
	)
	c.round(
		rtx("alice", "services", "create-service", "My Oracle", "--description", "price oracle"),
		rtx("carol", "restaking", "delegate-operator", opID, "3000000umilk", "1000000umilktia"),
		rtx("dave", "restaking", "delegate-operator", opID, "1000000umilk"),
	)
	c.round(
		rtx("alice", "services", "activate-service", svcID),
		rtx("carol", "restaking", "set-user-preferences", `{"trusted_services":[{"service_id":`+svcID+`,"pool_ids":[1]}]}`),
	)
	c.round(
		rtx("alice", "restaking", "borrow-pool", svcID, "1"),
		rtx("bob", "restaking", "join-service", opID, svcID),
		rtx("carol", "restaking", "delegate-service", svcID, "4000000umilk"),
		rtx("dave", "restaking", "delegate-service", svcID, "500000umilktia"),
	)
	var shares struct {
		Shares string `json:"shares"`
	}
	c.query(c.seqRPC, &shares, "rewards", "pool-service-shares", "1", svcID)
	requireDecEqual(t, "2000000", shares.Shares, "only carol's pool shares trust the service")

	// The plan, and a non-admin's attempt at one (access.ErrNotAdmin).
	start := time.Now().UTC().Add(-time.Minute).Format(time.RFC3339)
	end := time.Now().UTC().Add(time.Hour).Format(time.RFC3339)
	planArgs := func(funds int64) []string {
		return []string{"rewards", "create-plan", svcID, fmt.Sprintf("%dumilk", planPerDay), start, end,
			fmt.Sprintf("%dumilk", funds), "--description", "e2e plan",
			"--pools-weight", "1", "--operators-weight", "2", "--users-weight", "1"}
	}
	created := c.round(
		rtx("alice", planArgs(planFunds)...),
		rtxFails("bob", 3, "access", planArgs(1_000_000)...),
	)
	c.requireOnlyFee(created[1], bob)
	ev := c.onlyEvent(created[0], "milkyway.rewards.v1.EventCreateRewardsPlan")
	require.Equal(t, "1", unquote(ev["plan_id"]))
	require.Equal(t, fmt.Sprintf("%dumilk", planFunds), coinAttr(t, ev["funds"]))
	require.Equal(t, int64(-planFunds-txFee), c.balanceDelta(alice, created[0].Height), "alice paid the budget and the fee")
	funded := int64(planFunds)

	plan := c.planAt(c.seqRPC, 0)
	require.Equal(t, fmt.Sprintf("%dumilk", planPerDay), plan.AmountPerDay.String())
	require.Equal(t, "e2e plan", plan.Description)
	require.Equal(t, svcID, strconv.FormatUint(uint64(plan.ServiceID), 10))
	require.Equal(t, "DISTRIBUTION_TYPE_BASIC", plan.Operators.Type)
	require.Equal(t, uint32(2), plan.Operators.Weight)
	require.Equal(t, uint32(1), plan.Pools.Weight)
	require.Equal(t, uint32(1), plan.Users.Weight)

	// Let a few blocks pay, then look at one height.
	waitFor(t, 60*time.Second, "a few blocks of payouts", func() bool { return c.height(c.seqRPC) >= created[0].Height+6 })
	h1 := c.height(c.seqRPC)
	s1 := c.rewardsState(c.seqRPC, h1)
	t.Logf("height %d: allocated %s, module %d, outstanding pool %s operator %s service %s, commission %s, dust %s",
		h1, s1.plan.Allocated, s1.module, s1.outPool, s1.outOperator, s1.outService, s1.commission, s1.dust)
	require.True(t, s1.plan.Allocated.IsPositive(), "the plan allocated nothing by height %d", h1)
	require.Equal(t, funded, s1.plan.Remaining.Amount.Int64()+s1.plan.Allocated.Int64(), "remaining = funded - allocated")
	require.Equal(t, s1.plan.Remaining.Amount.Int64(), s1.escrow, "the escrow holds the remaining budget")
	require.Equal(t, s1.plan.Allocated.Int64(), s1.module, "nothing withdrawn yet: the module holds all that was allocated")
	s1.requireBooked(t)
	// The plan pays planPerDay per day of block time from the creation
	// block on, accrued to the nanosecond: never more than the elapsed
	// time is worth, and less only by the final truncation.
	elapsed := c.blockTime(c.seqRPC, h1).Sub(c.blockTime(c.seqRPC, created[0].Height))
	worth := sdkmath.NewInt(planPerDay).MulRaw(int64(elapsed)).QuoRaw(int64(24 * time.Hour))
	t.Logf("%d blocks, %s: worth %s umilk, allocated %s", h1-created[0].Height, elapsed, worth, s1.plan.Allocated)
	require.True(t, s1.plan.Allocated.LTE(worth), "allocated %s, more than the elapsed time is worth (%s)", s1.plan.Allocated, worth)
	require.True(t, s1.plan.Allocated.GTE(worth.SubRaw(1)), "allocated %s, less than the elapsed time is worth (%s)", s1.plan.Allocated, worth)

	// The groups split 1 : 2 : 1; the commission is 10% of the operator's part.
	opTotal := s1.commission.Add(s1.outOperator)
	requireRatio(t, opTotal, s1.outService, "2", "operator / service")
	requireRatio(t, opTotal, s1.outPool, "2", "operator / pool")
	requireRatio(t, s1.commission, opTotal, commissionRate, "commission / operator part")

	// Per delegator: q rewards rewards lists every delegation.
	carol1 := c.delegatorRewards(c.seqRPC, carol, h1)
	dave1 := c.delegatorRewards(c.seqRPC, dave, h1)
	for _, k := range []string{"DELEGATION_TYPE_POOL/1", "DELEGATION_TYPE_OPERATOR/" + opID, "DELEGATION_TYPE_SERVICE/" + svcID} {
		require.Contains(t, carol1.byTarget, k)
		require.True(t, carol1.byTarget[k].IsPositive(), "carol earns at %s: %s", k, carol1.byTarget[k])
		require.Contains(t, dave1.byTarget, k)
	}
	require.True(t, dave1.byTarget["DELEGATION_TYPE_POOL/1"].IsZero(), "dave does not trust the service with the pool")
	require.True(t, dave1.byTarget["DELEGATION_TYPE_OPERATOR/"+opID].IsPositive())
	require.True(t, dave1.byTarget["DELEGATION_TYPE_SERVICE/"+svcID].IsPositive())
	// Operator: umilk is worth 2 USD (4 MILK), umilktia 5 USD (1 TIA); carol
	// has 3/4 of the umilk and all the umilktia: 3/14 + 10/14 against 1/14.
	requireRatio(t, carol1.byTarget["DELEGATION_TYPE_OPERATOR/"+opID], dave1.byTarget["DELEGATION_TYPE_OPERATOR/"+opID], "13", "carol / dave at the operator")
	// Service: carol's 4 MILK (2 USD) against dave's 0.5 TIA (2.5 USD).
	requireRatio(t, carol1.byTarget["DELEGATION_TYPE_SERVICE/"+svcID], dave1.byTarget["DELEGATION_TYPE_SERVICE/"+svcID], "0.8", "carol / dave at the service")
	requireRatio(t, carol1.byTarget["DELEGATION_TYPE_POOL/1"], s1.outPool, "1", "carol's pool rewards / pool outstanding")
	requireRatio(t, carol1.byTarget["DELEGATION_TYPE_OPERATOR/"+opID].Add(dave1.byTarget["DELEGATION_TYPE_OPERATOR/"+opID]), s1.outOperator, "1",
		"operator claims / operator outstanding")
	require.True(t, carol1.total.Equal(carol1.byTarget["DELEGATION_TYPE_POOL/1"].Add(carol1.byTarget["DELEGATION_TYPE_OPERATOR/"+opID]).
		Add(carol1.byTarget["DELEGATION_TYPE_SERVICE/"+svcID])), "carol's total")

	// The DA-only full node has the same rewards state at that height.
	waitFor(t, 60*time.Second, fmt.Sprintf("the full node to reach height %d", h1), func() bool { return c.height(c.fullRPC) >= h1 })
	for _, q := range [][]string{{"rewards", "plan", "1"}, {"rewards", "rewards", carol}, {"rewards", "commission", opID}, {"rewards", "dust"}} {
		require.JSONEq(t, c.rawQueryAt(c.seqRPC, h1, q...), c.rawQueryAt(c.fullRPC, h1, q...), "query %v at height %d", q, h1)
	}

	// Payouts: one delegation, all delegations, the commission; and a
	// top-up. Each balance moves by what the tx's own events report.
	var paid []payout
	w := c.round(
		rtx("carol", "rewards", "withdraw-rewards", "operator", opID),
		rtx("dave", "rewards", "withdraw-all-rewards"),
		rtx("bob", "rewards", "withdraw-commission", opID),
		rtx("alice", "rewards", "top-up-plan", "1", fmt.Sprintf("%dumilk", planTopUp)),
	)
	carolOp := c.withdrawals(w[0], carol)
	require.Equal(t, []string{"DELEGATION_TYPE_OPERATOR/" + opID}, keysOf(carolOp))
	require.Equal(t, carolOp.sum()-txFee, c.balanceDelta(carol, w[0].Height))
	require.GreaterOrEqual(t, carolOp.sum(), carol1.byTarget["DELEGATION_TYPE_OPERATOR/"+opID].TruncateInt64(), "paid at least what was due at height %d", h1)
	require.True(t, c.delegationRewardsAt(carol, "operator", w[0].Height).IsZero(), "nothing left right after the withdrawal")
	paid = append(paid, carolOp.payouts(w[0].Height)...)

	daveAll := c.withdrawals(w[1], dave)
	require.Equal(t, []string{"DELEGATION_TYPE_OPERATOR/" + opID, "DELEGATION_TYPE_SERVICE/" + svcID}, keysOf(daveAll), "no payout from the untrusted pool")
	require.Equal(t, daveAll.sum()-txFee, c.balanceDelta(dave, w[1].Height))
	require.True(t, c.delegatorRewards(c.seqRPC, dave, w[1].Height).total.IsZero(), "nothing left right after withdraw-all")
	paid = append(paid, daveAll.payouts(w[1].Height)...)

	ev = c.onlyEvent(w[2], "milkyway.rewards.v1.EventWithdrawCommission")
	require.Equal(t, opID, unquote(ev["operator_id"]))
	commissionPaid := coinsAttr(t, ev["amount"], "umilk")
	require.GreaterOrEqual(t, commissionPaid, s1.commission.TruncateInt64())
	require.Equal(t, commissionPaid-txFee, c.balanceDelta(bob, w[2].Height))
	left := c.commissionAt(c.seqRPC, w[2].Height)
	require.True(t, left.LT(sdkmath.LegacyOneDec()), "only a fraction stays accrued, got %s", left)
	paid = append(paid, payout{height: w[2].Height, target: "commission/1", amount: commissionPaid})

	ev = c.onlyEvent(w[3], "milkyway.rewards.v1.EventTopUpRewardsPlan")
	require.Equal(t, fmt.Sprintf("%dumilk", planTopUp), coinAttr(t, ev["amount"]))
	require.Equal(t, int64(-planTopUp-txFee), c.balanceDelta(alice, w[3].Height))
	funded += planTopUp

	// Carol withdraws everything; three rejections pay the fee only.
	r := c.round(
		rtx("carol", "rewards", "withdraw-all-rewards"),
		rtxFails("dave", 3, "access", "rewards", "withdraw-commission", opID),
		rtxFails("alice", 13, "rewards", "rewards", "withdraw-rewards", "pool", "1"),
		rtxFails("bob", 6, "rewards", "rewards", "cancel-plan", "2"),
	)
	carolAll := c.withdrawals(r[0], carol)
	require.Equal(t, []string{"DELEGATION_TYPE_OPERATOR/" + opID, "DELEGATION_TYPE_POOL/1", "DELEGATION_TYPE_SERVICE/" + svcID}, keysOf(carolAll))
	require.Equal(t, carolAll.sum()-txFee, c.balanceDelta(carol, r[0].Height))
	paid = append(paid, carolAll.payouts(r[0].Height)...)
	c.requireOnlyFee(r[1], dave)
	c.requireOnlyFee(r[2], alice)
	c.requireOnlyFee(r[3], bob)

	// Everything adds up at one height after the payouts.
	h2 := maxHeight(w, r)
	s2 := c.rewardsState(c.seqRPC, h2)
	require.True(t, s2.plan.Allocated.GT(s1.plan.Allocated), "allocated grows: %s then %s", s1.plan.Allocated, s2.plan.Allocated)
	require.Equal(t, funded, s2.plan.Remaining.Amount.Int64()+s2.plan.Allocated.Int64(), "remaining = funded - allocated")
	require.Equal(t, s2.plan.Remaining.Amount.Int64(), s2.escrow)
	require.Equal(t, s2.plan.Allocated.Int64(), s2.module+sumPaid(paid, h2), "allocated = module balance + everything paid out")
	s2.requireBooked(t)
	// The operator's part: commission (paid + accrued) is 10% of commission +
	// its delegators' payouts + what they can still withdraw (payout
	// fractions, < 1 umilk each, went to dust).
	commissionTotal := sdkmath.LegacyNewDec(commissionPaid).Add(s2.commission)
	operatorTotal := commissionTotal.Add(s2.outOperator).Add(sdkmath.LegacyNewDec(sumTarget(paid, "DELEGATION_TYPE_OPERATOR/"+opID)))
	requireRatio(t, commissionTotal, operatorTotal, commissionRate, "commission / operator part after the payouts")

	// Cancel: the remaining budget goes back to alice, payouts stop.
	k := c.round(rtx("alice", "rewards", "cancel-plan", "1"))[0]
	ev = c.onlyEvent(k, "milkyway.rewards.v1.EventRewardsPlanEnded")
	require.Equal(t, "1", unquote(ev["plan_id"]))
	require.Equal(t, "true", ev["cancelled"])
	require.Equal(t, alice, unquote(ev["returned_to"]))
	require.Equal(t, "0umilk", coinAttr(t, ev["unpaid"]))
	returned := coinsAttr(t, "["+ev["returned"]+"]", "umilk")
	require.Equal(t, returned-txFee, c.balanceDelta(alice, k.Height), "alice got the remaining budget back")
	require.Zero(t, c.balanceAt(c.seqRPC, c.moduleAddress("rewards_escrow"), "umilk", k.Height), "the escrow is empty")
	moduleAtCancel := c.balanceAt(c.seqRPC, c.moduleAddress("rewards"), "umilk", k.Height)
	require.Equal(t, funded, returned+moduleAtCancel+sumPaid(paid, k.Height), "funded = returned + allocated")
	_, err := c.tryCLI("query", "rewards", "plan", "1", "--node", "tcp://"+c.seqRPC, "-o", "json")
	require.ErrorContains(t, err, "not found")
	var plans struct {
		Plans []json.RawMessage `json:"plans"`
	}
	c.query(c.seqRPC, &plans, "rewards", "plans")
	require.Empty(t, plans.Plans)

	waitFor(t, 60*time.Second, "three blocks after the cancel", func() bool { return c.height(c.seqRPC) >= k.Height+3 })
	after := c.rewardsState(c.seqRPC, k.Height+3)
	require.Equal(t, moduleAtCancel, after.module, "no allocation after the cancel")
	require.Equal(t, c.delegatorRewards(c.seqRPC, dave, k.Height).total.String(), c.delegatorRewards(c.seqRPC, dave, k.Height+3).total.String())
	after.requireBooked(t)

	// What was allocated stays claimable; the invariants hold on chain.
	last := c.round(rtx("dave", "rewards", "withdraw-all-rewards"))[0]
	daveLast := c.withdrawals(last, dave)
	require.Positive(t, daveLast.sum(), "dave's rewards accrued until the cancel")
	require.Equal(t, daveLast.sum()-txFee, c.balanceDelta(dave, last.Height))
	paid = append(paid, daveLast.payouts(last.Height)...)
	final := c.rewardsState(c.seqRPC, last.Height)
	require.Equal(t, funded, returned+final.module+sumPaid(paid, last.Height))
	final.requireBooked(t)

	c.round(
		rtx("alice", "crisis", "invariant-broken", "rewards", "module-account"),
		rtx("bob", "crisis", "invariant-broken", "rewards", "escrow"),
		rtx("carol", "crisis", "invariant-broken", "rewards", "can-withdraw"),
		rtx("dave", "crisis", "invariant-broken", "rewards", "pool-shares"),
	)
	c.round(rtx("alice", "crisis", "invariant-broken", "restaking", "stake"))

	h := c.requireSameAppHash()
	t.Logf("full node matched the sequencer's app hash at height %d", h)
}
