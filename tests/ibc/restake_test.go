package ibc

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// The restake-on-arrival and liquid-vesting cases of TestIBCTransfers: an
// LST arrives with a memo and is delegated, refused or deposited in the
// same packet, and the DA-only full node agrees with the sequencer.

// requireRestakeToPool: a {"restake":{"target":"pool"}} transfer is
// credited to the receiver and delegated to the voucher's pool in one
// packet; the receiver holds no loose voucher from it.
func requireRestakeToPool(t *testing.T, tb *testbed) {
	r, lst := tb.rollup, tb.lst
	receiver := r.address(bob)
	voucher := voucherDenom(r.chain, lstDenom)
	loose := balance(r.chain, receiver, voucher)

	p := transfer(lst, alice, r.chain, receiver, "70000"+lstDenom, `{"restake":{"target":"pool"}}`, 0)
	took := tb.rly.relayPackets(p)
	t.Logf("relay lst -> milkyway with a restake memo (recv + delegate + ack): %s", took.Round(time.Millisecond))
	require.Equal(t, loose, balance(r.chain, receiver, voucher), "the voucher went into the pool, not to the receiver")
	require.Equal(t, "70000"+voucher, r.delegations(r.rpc, receiver)["DELEGATION_TYPE_POOL"], "bob's pool delegation")
	r.waitFullNodeDelegations(receiver)
}

// requireRestakeToOperator: the same with an operator as the target.
func requireRestakeToOperator(t *testing.T, tb *testbed) {
	r, lst := tb.rollup, tb.lst
	r.tx(bob, "operators", "register", "LST Ops", "0.05", "0.20", "0.01")
	receiver := r.address(alice)
	voucher := voucherDenom(r.chain, lstDenom)

	p := transfer(lst, alice, r.chain, receiver, "30000"+lstDenom, `{"restake":{"target":"operator","id":1}}`, 0)
	tb.rly.relayPackets(p)
	require.Equal(t, "30000"+voucher, r.delegations(r.rpc, receiver)["DELEGATION_TYPE_OPERATOR"], "alice's operator delegation")
	r.waitFullNodeDelegations(receiver)
}

// requireBadMemoRefunded: a malformed restake memo and a restake to an
// operator that does not exist are error-acknowledged; the LST chain
// refunds the sender and nothing stays on the rollup.
func requireBadMemoRefunded(t *testing.T, tb *testbed) {
	r, lst := tb.rollup, tb.lst
	sender, receiver := lst.address(alice), r.address(bob)
	voucher := voucherDenom(r.chain, lstDenom)
	for _, memo := range []string{`{"restake":{"target":"pool","idd":1}}`, `{"restake":{"target":"operator","id":99}}`} {
		before, held := balance(lst, sender, lstDenom), balance(r.chain, receiver, voucher)
		staked := r.delegations(r.rpc, receiver)
		p := transfer(lst, alice, r.chain, receiver, "5000"+lstDenom, memo, 0)
		require.Equal(t, before-5000, balance(lst, sender, lstDenom), "escrowed on the LST chain")
		tb.rly.relayPackets(p)
		require.Equal(t, before, balance(lst, sender, lstDenom), "refunded after the error ack of %s", memo)
		require.Equal(t, held, balance(r.chain, receiver, voucher), "nothing credited on the rollup for %s", memo)
		require.Equal(t, staked, r.delegations(r.rpc, receiver), "nothing delegated for %s", memo)
	}
}

// requireInsuredLockedRestake: an insurance deposit over IBC (a
// {"liquidvesting": ...} memo to the module account on the allowed
// channel) credits alice's fund; it lets exactly 50x its size of locked
// representations be restaked (2% coverage), and not one more.
func requireInsuredLockedRestake(t *testing.T, tb *testbed) {
	r, lst := tb.rollup, tb.lst
	user := r.address(alice)
	voucher := voucherDenom(r.chain, lstDenom)
	memo := fmt.Sprintf(`{"liquidvesting":{"amounts":[{"depositor":%q,"amount":{"denom":%q,"amount":"20000"}}]}}`, user, lstDenom)

	p := transfer(lst, alice, r.chain, r.moduleAddress("liquidvesting"), "20000"+lstDenom, memo, 0)
	tb.rly.relayPackets(p)
	var fund struct {
		Balance []struct{ Denom, Amount string } `json:"balance"`
	}
	r.query(&fund, "q", "liquidvesting", "insurance-fund", user)
	require.Len(t, fund.Balance, 1)
	require.Equal(t, "20000", fund.Balance[0].Amount)
	require.Equal(t, voucher, fund.Balance[0].Denom)

	locked := "locked/" + voucher
	r.tx(alice, "liquidvesting", "mint-locked", user, "1000000"+voucher) // alice is a genesis minter
	r.tx(alice, "restaking", "delegate-pool", "1000000"+locked)
	res := r.tryTx(alice, "restaking", "delegate-pool", "1"+locked)
	require.NotZero(t, res.Code, "restaking past the fund's 2%% coverage must fail: %s", res.RawLog)
	require.Contains(t, res.RawLog, "insurance")
	require.Equal(t, "1000000"+locked, r.delegations(r.rpc, user)["DELEGATION_TYPE_POOL"])
	r.waitFullNodeDelegations(user)
}

// delegations are a user's delegations on the node at rpc, by type
// ("DELEGATION_TYPE_POOL" -> "70000ibc/..."), amounts joined by ",".
func (r *rollup) delegations(rpc, user string) map[string]string {
	r.t.Helper()
	ds, err := nodetest.ParseDelegations([]byte(r.cli("q", "restaking", "delegator-delegations", user, "--node", "tcp://"+rpc, "-o", "json")))
	require.NoError(r.t, err)
	byType := map[string]string{}
	for _, d := range ds {
		if prev := byType[d.Type]; prev != "" {
			d.Value = prev + "," + d.Value
		}
		byType[d.Type] = d.Value
	}
	return byType
}

// waitFullNodeDelegations waits until the DA-only full node reports the
// user's delegations exactly as the sequencer does.
func (r *rollup) waitFullNodeDelegations(user string) {
	r.t.Helper()
	want := r.delegations(r.rpc, user)
	nodetest.WaitFor(r.t, 90*time.Second, "the full node to agree on "+user+"'s delegations", func() bool {
		got := r.delegations(r.fullRPC, user)
		return fmt.Sprint(got) == fmt.Sprint(want)
	})
}

// moduleAddress is the address of a module account on the rollup.
func (r *rollup) moduleAddress(name string) string {
	r.t.Helper()
	addr, err := nodetest.ParseModuleAddress(r.cli("q", "auth", "module-account", name, "--node", "tcp://"+r.rpc, "-o", "json"))
	require.NoError(r.t, err)
	return addr
}
