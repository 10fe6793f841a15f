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

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// Helpers of the rewards e2e test: tx rounds, tx events, payouts and
// rewards state read at one height.

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

// moduleAddress reads a module account's address from the chain.
func (c *cluster) moduleAddress(name string) string {
	c.t.Helper()
	moduleAddrsMu.Lock()
	defer moduleAddrsMu.Unlock()
	if addr, ok := moduleAddrs[name]; ok {
		return addr
	}
	out := c.cli("query", "auth", "module-account", name, "--node", "tcp://"+c.seqRPC, "-o", "json")
	addr, err := nodetest.ParseModuleAddress(out)
	require.NoError(c.t, err)
	moduleAddrs[name] = addr
	return addr
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
	return c.decCoinsAt(rpc, height, "rewards", "commission", opID)
}

func (c *cluster) delegationRewardsAt(delegator, kind string, height int64) sdkmath.LegacyDec {
	c.t.Helper()
	id := map[string]string{"pool": "1", "operator": opID, "service": svcID}[kind]
	return c.decCoinsAt(c.seqRPC, height, "rewards", "delegation-rewards", kind, id, delegator)
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
	s.outOperator = c.decCoinsAt(rpc, height, "rewards", "outstanding-rewards", "operator", opID)
	s.outService = c.decCoinsAt(rpc, height, "rewards", "outstanding-rewards", "service", svcID)
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
