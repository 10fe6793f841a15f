package e2e

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
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
		rtx("carol", "restaking", "delegate-operator", "1", "3000000umilk", "1000000umilktia"),
		rtx("dave", "restaking", "delegate-operator", "1", "1000000umilk"),
	)
	c.round(
		rtx("alice", "services", "activate-service", "1"),
		rtx("carol", "restaking", "set-user-preferences", `{"trusted_services":[{"service_id":1,"pool_ids":[1]}]}`),
	)
	c.round(
		rtx("alice", "restaking", "borrow-pool", "1", "1"),
		rtx("bob", "restaking", "join-service", "1", "1"),
		rtx("carol", "restaking", "delegate-service", "1", "4000000umilk"),
		rtx("dave", "restaking", "delegate-service", "1", "500000umilktia"),
	)
	var shares struct {
		Shares string `json:"shares"`
	}
	c.query(c.seqRPC, &shares, "rewards", "pool-service-shares", "1", "1")
	requireDecEqual(t, "2000000", shares.Shares, "only carol's pool shares trust the service")

	// The plan, and a non-admin's attempt at one (rewards ErrUnauthorized).
	start := time.Now().UTC().Add(-time.Minute).Format(time.RFC3339)
	end := time.Now().UTC().Add(time.Hour).Format(time.RFC3339)
	planArgs := func(funds int64) []string {
		return []string{"rewards", "create-plan", "1", fmt.Sprintf("%dumilk", planPerDay), start, end,
			fmt.Sprintf("%dumilk", funds), "--description", "e2e plan",
			"--pools-weight", "1", "--operators-weight", "2", "--users-weight", "1"}
	}
	created := c.round(
		rtx("alice", planArgs(planFunds)...),
		rtxFails("bob", 7, "rewards", planArgs(1_000_000)...),
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
	require.Equal(t, uint32(1), plan.ServiceID)
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
	for _, k := range []string{"DELEGATION_TYPE_POOL/1", "DELEGATION_TYPE_OPERATOR/1", "DELEGATION_TYPE_SERVICE/1"} {
		require.Contains(t, carol1.byTarget, k)
		require.True(t, carol1.byTarget[k].IsPositive(), "carol earns at %s: %s", k, carol1.byTarget[k])
		require.Contains(t, dave1.byTarget, k)
	}
	require.True(t, dave1.byTarget["DELEGATION_TYPE_POOL/1"].IsZero(), "dave does not trust the service with the pool")
	require.True(t, dave1.byTarget["DELEGATION_TYPE_OPERATOR/1"].IsPositive())
	require.True(t, dave1.byTarget["DELEGATION_TYPE_SERVICE/1"].IsPositive())
	// Operator: umilk is worth 2 USD (4 MILK), umilktia 5 USD (1 TIA); carol
	// has 3/4 of the umilk and all the umilktia: 3/14 + 10/14 against 1/14.
	requireRatio(t, carol1.byTarget["DELEGATION_TYPE_OPERATOR/1"], dave1.byTarget["DELEGATION_TYPE_OPERATOR/1"], "13", "carol / dave at the operator")
	// Service: carol's 4 MILK (2 USD) against dave's 0.5 TIA (2.5 USD).
	requireRatio(t, carol1.byTarget["DELEGATION_TYPE_SERVICE/1"], dave1.byTarget["DELEGATION_TYPE_SERVICE/1"], "0.8", "carol / dave at the service")
	requireRatio(t, carol1.byTarget["DELEGATION_TYPE_POOL/1"], s1.outPool, "1", "carol's pool rewards / pool outstanding")
	requireRatio(t, carol1.byTarget["DELEGATION_TYPE_OPERATOR/1"].Add(dave1.byTarget["DELEGATION_TYPE_OPERATOR/1"]), s1.outOperator, "1",
		"operator claims / operator outstanding")
	require.True(t, carol1.total.Equal(carol1.byTarget["DELEGATION_TYPE_POOL/1"].Add(carol1.byTarget["DELEGATION_TYPE_OPERATOR/1"]).
		Add(carol1.byTarget["DELEGATION_TYPE_SERVICE/1"])), "carol's total")

	// The DA-only full node has the same rewards state at that height.
	waitFor(t, 60*time.Second, fmt.Sprintf("the full node to reach height %d", h1), func() bool { return c.height(c.fullRPC) >= h1 })
	for _, q := range [][]string{{"rewards", "plan", "1"}, {"rewards", "rewards", carol}, {"rewards", "commission", "1"}, {"rewards", "dust"}} {
		require.JSONEq(t, c.rawQueryAt(c.seqRPC, h1, q...), c.rawQueryAt(c.fullRPC, h1, q...), "query %v at height %d", q, h1)
	}

	// Payouts: one delegation, all delegations, the commission; and a
	// top-up. Each balance moves by what the tx's own events report.
	var paid []payout
	w := c.round(
		rtx("carol", "rewards", "withdraw-rewards", "operator", "1"),
		rtx("dave", "rewards", "withdraw-all-rewards"),
		rtx("bob", "rewards", "withdraw-commission", "1"),
		rtx("alice", "rewards", "top-up-plan", "1", fmt.Sprintf("%dumilk", planTopUp)),
	)
	carolOp := c.withdrawals(w[0], carol)
	require.Equal(t, []string{"DELEGATION_TYPE_OPERATOR/1"}, keysOf(carolOp))
	require.Equal(t, carolOp.sum()-txFee, c.balanceDelta(carol, w[0].Height))
	require.GreaterOrEqual(t, carolOp.sum(), carol1.byTarget["DELEGATION_TYPE_OPERATOR/1"].TruncateInt64(), "paid at least what was due at height %d", h1)
	require.True(t, c.delegationRewardsAt(carol, "operator", w[0].Height).IsZero(), "nothing left right after the withdrawal")
	paid = append(paid, carolOp.payouts(w[0].Height)...)

	daveAll := c.withdrawals(w[1], dave)
	require.Equal(t, []string{"DELEGATION_TYPE_OPERATOR/1", "DELEGATION_TYPE_SERVICE/1"}, keysOf(daveAll), "no payout from the untrusted pool")
	require.Equal(t, daveAll.sum()-txFee, c.balanceDelta(dave, w[1].Height))
	require.True(t, c.delegatorRewards(c.seqRPC, dave, w[1].Height).total.IsZero(), "nothing left right after withdraw-all")
	paid = append(paid, daveAll.payouts(w[1].Height)...)

	ev = c.onlyEvent(w[2], "milkyway.rewards.v1.EventWithdrawCommission")
	require.Equal(t, "1", unquote(ev["operator_id"]))
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
		rtxFails("dave", 7, "rewards", "rewards", "withdraw-commission", "1"),
		rtxFails("alice", 13, "rewards", "rewards", "withdraw-rewards", "pool", "1"),
		rtxFails("bob", 6, "rewards", "rewards", "cancel-plan", "2"),
	)
	carolAll := c.withdrawals(r[0], carol)
	require.Equal(t, []string{"DELEGATION_TYPE_OPERATOR/1", "DELEGATION_TYPE_POOL/1", "DELEGATION_TYPE_SERVICE/1"}, keysOf(carolAll))
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
	operatorTotal := commissionTotal.Add(s2.outOperator).Add(sdkmath.LegacyNewDec(sumTarget(paid, "DELEGATION_TYPE_OPERATOR/1")))
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

// roundTx is one tx of a round and the result its block must give.
type roundTx struct {
	key       string
	args      []string
	code      uint32
	codespace string
}

func rtx(key string, args ...string) roundTx { return roundTx{key: key, args: args} }

func rtxFails(key string, code uint32, codespace string, args ...string) roundTx {
	return roundTx{key: key, args: args, code: code, codespace: codespace}
}

// round broadcasts txs (of distinct keys) together, then waits for each
// to be in a block with its expected result and exactly txFee paid.
func (c *cluster) round(txs ...roundTx) []includedTx {
	c.t.Helper()
	hashes := make([]string, len(txs))
	for i, tx := range txs {
		hashes[i] = c.tx(tx.key, tx.args...)
	}
	out := make([]includedTx, len(txs))
	for i, tx := range txs {
		res := c.waitIncluded(hashes[i])
		require.Equal(c.t, tx.code, res.Code, "tx %v of %s (codespace %s): %s", tx.args, tx.key, res.Codespace, res.RawLog)
		if tx.code != 0 {
			require.Equal(c.t, tx.codespace, res.Codespace, "tx %v of %s: %s", tx.args, tx.key, res.RawLog)
		}
		require.Equal(c.t, fmt.Sprintf("%dumilk", txFee), res.Fee)
		out[i] = res
	}
	return out
}

func maxHeight(rounds ...[]includedTx) int64 {
	var h int64
	for _, r := range rounds {
		for _, tx := range r {
			h = max(h, tx.Height)
		}
	}
	return h
}

// requireOnlyFee checks that a rejected tx cost addr its fee and nothing else.
func (c *cluster) requireOnlyFee(tx includedTx, addr string) {
	c.t.Helper()
	require.NotZero(c.t, tx.Code)
	require.Equal(c.t, int64(-txFee), c.balanceDelta(addr, tx.Height), "a rejected tx costs the fee only")
	require.Empty(c.t, c.events(tx, "milkyway.rewards.v1."), "a rejected tx emits no rewards event")
}

// txEvent is one event of a tx result; typed events carry JSON values.
type txEvent map[string]string

// events returns the events of an included tx whose type starts with prefix.
func (c *cluster) events(tx includedTx, prefix string) []txEvent {
	c.t.Helper()
	var res struct {
		Events []struct {
			Type       string `json:"type"`
			Attributes []struct {
				Key   string `json:"key"`
				Value string `json:"value"`
			} `json:"attributes"`
		} `json:"events"`
	}
	c.query(c.seqRPC, &res, "tx", tx.Hash)
	var out []txEvent
	for _, e := range res.Events {
		if !strings.HasPrefix(e.Type, prefix) {
			continue
		}
		ev := txEvent{"@type": e.Type}
		for _, a := range e.Attributes {
			ev[a.Key] = a.Value
		}
		out = append(out, ev)
	}
	return out
}

// onlyEvent returns the single event of type typ in tx.
func (c *cluster) onlyEvent(tx includedTx, typ string) txEvent {
	c.t.Helper()
	var found []txEvent
	for _, e := range c.events(tx, typ) {
		if e["@type"] == typ {
			found = append(found, e)
		}
	}
	require.Len(c.t, found, 1, "events %s of tx %s", typ, tx.Hash)
	return found[0]
}

// payouts maps "TYPE/id" to the umilk paid, from EventWithdrawRewards.
type payouts map[string]int64

func (p payouts) sum() int64 {
	var s int64
	for _, v := range p {
		s += v
	}
	return s
}

func (p payouts) payouts(height int64) []payout {
	var out []payout
	for _, k := range keysOf(p) {
		out = append(out, payout{height: height, target: k, amount: p[k]})
	}
	return out
}

func keysOf(p payouts) []string {
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// withdrawals reads the EventWithdrawRewards of tx, all for delegator.
func (c *cluster) withdrawals(tx includedTx, delegator string) payouts {
	c.t.Helper()
	out := payouts{}
	for _, e := range c.events(tx, "milkyway.rewards.v1.EventWithdrawRewards") {
		require.Equal(c.t, delegator, unquote(e["delegator"]))
		key := unquote(e["type"]) + "/" + unquote(e["target_id"])
		require.NotContains(c.t, out, key, "two payouts for %s", key)
		amount := coinsAttr(c.t, e["amount"], "umilk")
		require.Positive(c.t, amount, "an event pays something")
		out[key] = amount
	}
	require.NotEmpty(c.t, out, "tx %s paid nothing", tx.Hash)
	return out
}

// payout is umilk that left the rewards module account at a height.
type payout struct {
	height int64
	target string
	amount int64
}

func sumPaid(paid []payout, upTo int64) int64 {
	var s int64
	for _, p := range paid {
		if p.height <= upTo {
			s += p.amount
		}
	}
	return s
}

func sumTarget(paid []payout, target string) int64 {
	var s int64
	for _, p := range paid {
		if p.target == target {
			s += p.amount
		}
	}
	return s
}

func unquote(s string) string { return strings.Trim(s, `"`) }

// coinsAttr reads the amount of denom from a JSON coin list.
func coinsAttr(t testing.TB, value, denom string) int64 {
	t.Helper()
	var coins []struct {
		Denom  string `json:"denom"`
		Amount string `json:"amount"`
	}
	require.NoError(t, json.Unmarshal([]byte(value), &coins), value)
	var total int64
	for _, coin := range coins {
		require.Equal(t, denom, coin.Denom, "coins %s", value)
		n, err := strconv.ParseInt(coin.Amount, 10, 64)
		require.NoError(t, err)
		total += n
	}
	return total
}

// coinAttr renders a JSON coin as 123umilk.
func coinAttr(t testing.TB, value string) string {
	t.Helper()
	var coin jsonCoin
	require.NoError(t, json.Unmarshal([]byte(value), &coin), value)
	return coin.String()
}

type jsonCoin struct {
	Denom  string      `json:"denom"`
	Amount sdkmath.Int `json:"amount"`
}

func (c jsonCoin) String() string { return c.Amount.String() + c.Denom }

// queryAt runs a query against rpc at height (0: latest) and decodes it.
func (c *cluster) queryAt(rpc string, height int64, out any, args ...string) {
	c.t.Helper()
	bz := c.rawQueryAt(rpc, height, args...)
	require.NoError(c.t, json.Unmarshal([]byte(bz), out), "query %v: %s", args, bz)
}

func (c *cluster) rawQueryAt(rpc string, height int64, args ...string) string {
	c.t.Helper()
	full := append([]string{"query"}, args...)
	full = append(full, "--node", "tcp://"+rpc, "-o", "json")
	if height > 0 {
		full = append(full, "--height", strconv.FormatInt(height, 10))
	}
	return c.cli(full...)
}

func (c *cluster) balanceAt(rpc, addr, denom string, height int64) int64 {
	c.t.Helper()
	var res struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	c.queryAt(rpc, height, &res, "bank", "balance", addr, denom)
	if res.Balance.Amount == "" {
		return 0
	}
	n, err := strconv.ParseInt(res.Balance.Amount, 10, 64)
	require.NoError(c.t, err)
	return n
}

// balanceDelta is how addr's umilk changed in the block at height.
func (c *cluster) balanceDelta(addr string, height int64) int64 {
	c.t.Helper()
	return c.balanceAt(c.seqRPC, addr, "umilk", height) - c.balanceAt(c.seqRPC, addr, "umilk", height-1)
}

var addressRe = regexp.MustCompile(`"address":\s*"(milk1[0-9a-z]+)"`)

// moduleAddress reads a module account's address from the chain.
func (c *cluster) moduleAddress(name string) string {
	c.t.Helper()
	moduleAddrsMu.Lock()
	defer moduleAddrsMu.Unlock()
	if addr, ok := moduleAddrs[name]; ok {
		return addr
	}
	out := c.cli("query", "auth", "module-account", name, "--node", "tcp://"+c.seqRPC, "-o", "json")
	m := addressRe.FindStringSubmatch(out)
	require.NotNil(c.t, m, "no address in %s", out)
	moduleAddrs[name] = m[1]
	return m[1]
}

// moduleAddrs caches module account addresses (the same on every chain).
var (
	moduleAddrsMu sync.Mutex
	moduleAddrs   = map[string]string{}
)

type rewardsPlan struct {
	ServiceID    uint32      `json:"service_id"`
	Description  string      `json:"description"`
	AmountPerDay jsonCoin    `json:"amount_per_day"`
	Remaining    jsonCoin    `json:"remaining"`
	Allocated    sdkmath.Int `json:"allocated"`
	Pools        struct {
		Type   string `json:"type"`
		Weight uint32 `json:"weight"`
	} `json:"pools_distribution"`
	Operators struct {
		Type   string `json:"type"`
		Weight uint32 `json:"weight"`
	} `json:"operators_distribution"`
	Users struct {
		Weight uint32 `json:"weight"`
	} `json:"users_distribution"`
}

func (c *cluster) planAt(rpc string, height int64) rewardsPlan {
	c.t.Helper()
	var res struct {
		Plan rewardsPlan `json:"plan"`
	}
	c.queryAt(rpc, height, &res, "rewards", "plan", "1")
	p := res.Plan
	require.False(c.t, p.Allocated.IsNil(), "plan 1 has no allocated field")
	require.Equal(c.t, "umilk", p.Remaining.Denom)
	return p
}

// decCoinsJSON is a DecCoins list as the CLI prints it: autocli renders
// each DecCoin as one string ("1.5umilk"), an object is accepted too.
type decCoinsJSON []decCoinJSON

type decCoinJSON struct {
	Denom  string
	Amount string
}

var decCoinRe = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)([a-zA-Z][a-zA-Z0-9/:._-]*)$`)

func (d *decCoinJSON) UnmarshalJSON(bz []byte) error {
	var s string
	if err := json.Unmarshal(bz, &s); err != nil {
		var obj struct {
			Denom  string `json:"denom"`
			Amount string `json:"amount"`
		}
		if err := json.Unmarshal(bz, &obj); err != nil {
			return err
		}
		d.Denom, d.Amount = obj.Denom, obj.Amount
		return nil
	}
	m := decCoinRe.FindStringSubmatch(s)
	if m == nil {
		return fmt.Errorf("not a decimal coin: %q", s)
	}
	d.Amount, d.Denom = m[1], m[2]
	return nil
}

// decCoinsAt runs a query answering {"coins": DecCoins} and returns the
// umilk amount (zero when absent).
func (c *cluster) decCoinsAt(rpc string, height int64, args ...string) sdkmath.LegacyDec {
	c.t.Helper()
	var res struct {
		Coins decCoinsJSON `json:"coins"`
	}
	c.queryAt(rpc, height, &res, args...)
	return umilkOf(c.t, res.Coins)
}

func umilkOf(t testing.TB, coins decCoinsJSON) sdkmath.LegacyDec {
	t.Helper()
	total := sdkmath.LegacyZeroDec()
	for _, coin := range coins {
		require.Equal(t, "umilk", coin.Denom, "the plan pays umilk only")
		d, err := sdkmath.LegacyNewDecFromStr(coin.Amount)
		require.NoError(t, err, coin.Amount)
		total = total.Add(d)
	}
	return total
}

func (c *cluster) commissionAt(rpc string, height int64) sdkmath.LegacyDec {
	c.t.Helper()
	return c.decCoinsAt(rpc, height, "rewards", "commission", "1")
}

func (c *cluster) delegationRewardsAt(delegator, kind string, height int64) sdkmath.LegacyDec {
	c.t.Helper()
	return c.decCoinsAt(c.seqRPC, height, "rewards", "delegation-rewards", kind, "1", delegator)
}

// delegatorTotals is `q rewards rewards` in umilk per "TYPE/id".
type delegatorTotals struct {
	byTarget map[string]sdkmath.LegacyDec
	total    sdkmath.LegacyDec
}

func (c *cluster) delegatorRewards(rpc, delegator string, height int64) delegatorTotals {
	c.t.Helper()
	var res struct {
		Rewards []struct {
			Type     string       `json:"type"`
			TargetID uint32       `json:"target_id"`
			Rewards  decCoinsJSON `json:"rewards"`
		} `json:"rewards"`
		Total decCoinsJSON `json:"total"`
	}
	c.queryAt(rpc, height, &res, "rewards", "rewards", delegator)
	out := delegatorTotals{byTarget: map[string]sdkmath.LegacyDec{}, total: umilkOf(c.t, res.Total)}
	for _, r := range res.Rewards {
		out.byTarget[fmt.Sprintf("%s/%d", r.Type, r.TargetID)] = umilkOf(c.t, r.Rewards)
	}
	return out
}

// rewardsState is the rewards bookkeeping at one height, in umilk.
type rewardsState struct {
	height                           int64
	plan                             *rewardsPlan // nil once the plan ended
	module, escrow                   int64
	outPool, outOperator, outService sdkmath.LegacyDec
	commission, dust                 sdkmath.LegacyDec
}

func (c *cluster) rewardsState(rpc string, height int64) rewardsState {
	c.t.Helper()
	s := rewardsState{height: height}
	if _, err := c.tryCLI("query", "rewards", "plan", "1", "--node", "tcp://"+rpc, "-o", "json",
		"--height", strconv.FormatInt(height, 10)); err == nil {
		p := c.planAt(rpc, height)
		s.plan = &p
	}
	s.module = c.balanceAt(rpc, c.moduleAddress("rewards"), "umilk", height)
	s.escrow = c.balanceAt(rpc, c.moduleAddress("rewards_escrow"), "umilk", height)
	s.outPool = c.decCoinsAt(rpc, height, "rewards", "outstanding-rewards", "pool", "1")
	s.outOperator = c.decCoinsAt(rpc, height, "rewards", "outstanding-rewards", "operator", "1")
	s.outService = c.decCoinsAt(rpc, height, "rewards", "outstanding-rewards", "service", "1")
	s.commission = c.commissionAt(rpc, height)
	s.dust = c.decCoinsAt(rpc, height, "rewards", "dust")
	return s
}

// requireBooked: the module holds outstanding + commission + dust exactly.
func (s rewardsState) requireBooked(t testing.TB) {
	t.Helper()
	booked := s.outPool.Add(s.outOperator).Add(s.outService).Add(s.commission).Add(s.dust)
	require.True(t, booked.Equal(sdkmath.LegacyNewDec(s.module)),
		"height %d: module holds %d umilk, outstanding + commission + dust = %s", s.height, s.module, booked)
}

// requireRatio checks a / b = want within a relative 1e-6: the splits
// truncate at 18 decimals, and payout fractions (< 1 umilk each) go to dust.
func requireRatio(t testing.TB, a, b sdkmath.LegacyDec, want, what string) {
	t.Helper()
	require.True(t, b.IsPositive(), "%s: denominator %s", what, b)
	w := sdkmath.LegacyMustNewDecFromStr(want)
	got := a.Quo(b)
	tolerance := w.Mul(sdkmath.LegacyNewDecWithPrec(1, 6))
	require.True(t, got.Sub(w).Abs().LTE(tolerance), "%s: %s / %s = %s, want %s", what, a, b, got, want)
}

func requireDecEqual(t testing.TB, want, got, what string) {
	t.Helper()
	w, err := sdkmath.LegacyNewDecFromStr(want)
	require.NoError(t, err)
	g, err := sdkmath.LegacyNewDecFromStr(got)
	require.NoError(t, err, "%s: %q", what, got)
	require.True(t, w.Equal(g), "%s: got %s, want %s", what, got, want)
}
