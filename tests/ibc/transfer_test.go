package ibc

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// testbed is both chains, linked by the relayer over one transfer channel.
// Cases share it (linking takes a while) and each reads the balances it
// checks before acting, so they do not depend on one another's amounts.
type testbed struct {
	rollup *rollup
	lst    *chain
	rly    *relayer
}

// The keys each chain's genesis funds: alice transfers, bob receives,
// relayer pays the relayer's fees.
const (
	alice = "alice"
	bob   = "bob"
)

func newTestbed(t *testing.T, viaFullNode bool) *testbed {
	t.Helper()
	root := t.TempDir()
	tb := &testbed{
		rollup: startRollup(t, root, alice, bob, relayerKey),
		lst:    startSimd(t, root, alice, bob, relayerKey),
	}
	if viaFullNode {
		tb.rollup.relayRPC = tb.rollup.fullRPC
	}
	tb.rly = newRelayer(t, root, tb.rollup.chain, tb.lst)
	took := tb.rly.link()
	t.Logf("link (07-tendermint client on each chain, connection, transfer channel %s <-> %s): %s",
		tb.rollup.channel, tb.lst.channel, took.Round(time.Millisecond))
	return tb
}

// TestIBCTransfers runs ICS-20 transfers between the rollup and the simd
// chain through the Go relayer: in and out, restake on arrival (to a pool,
// to an operator, a bad memo refunded on the counterparty), an insurance
// deposit for liquid vesting, and timeouts both ways, all on one testbed.
func TestIBCTransfers(t *testing.T) {
	tb := newTestbed(t, false)
	r, lst := tb.rollup, tb.lst

	t.Run("ustTIA in from the LST chain and back out", func(t *testing.T) {
		sender, receiver := lst.address(alice), r.address(alice)
		voucher := voucherDenom(r.chain, lstDenom)
		before := balance(lst, sender, lstDenom)
		held := balance(r.chain, receiver, voucher)

		p := transfer(lst, alice, r.chain, receiver, "250000"+lstDenom, "", 0)
		took := tb.rly.relayPackets(p)
		t.Logf("relay lst -> milkyway (recv + ack): %s", took.Round(time.Millisecond))
		require.Equal(t, before-250000, balance(lst, sender, lstDenom), "escrowed on the LST chain")
		require.Equal(t, held+250000, balance(r.chain, receiver, voucher), "voucher %s on the sequencer", voucher)
		seen := r.waitFullNodeBalance(receiver, voucher, held+250000)
		t.Logf("the DA-only full node showed the voucher %s after the sequencer", seen.Round(time.Millisecond))

		back := lst.address(bob)
		bobBefore := balance(lst, back, lstDenom)
		p = transfer(r.chain, alice, lst, back, "100000"+voucher, "", 0)
		took = tb.rly.relayPackets(p)
		t.Logf("relay milkyway -> lst (recv + ack): %s", took.Round(time.Millisecond))
		require.Equal(t, bobBefore+100000, balance(lst, back, lstDenom), "unescrowed on the LST chain")
		require.Equal(t, held+150000, balance(r.chain, receiver, voucher), "voucher burned on the sequencer")
		r.waitFullNodeBalance(receiver, voucher, held+150000)
	})

	t.Run("a restake memo becomes a pool delegation in the same packet", func(t *testing.T) {
		requireRestakeToPool(t, tb)
	})

	t.Run("a restake memo becomes an operator delegation in the same packet", func(t *testing.T) {
		requireRestakeToOperator(t, tb)
	})

	t.Run("a bad restake memo is refused and refunded on the LST chain", func(t *testing.T) {
		requireBadMemoRefunded(t, tb)
	})

	t.Run("an insurance deposit over IBC lets locked tokens be restaked up to its coverage", func(t *testing.T) {
		requireInsuredLockedRestake(t, tb)
	})

	t.Run("a packet from the rollup times out and is refunded", func(t *testing.T) {
		requireTimeoutRefund(t, tb, r.chain, lst, "500000umilktia")
	})

	t.Run("a packet to the rollup times out and is refunded", func(t *testing.T) {
		requireTimeoutRefund(t, tb, lst, r.chain, "500000"+lstDenom)
	})
}

// TestIBCThroughAFullNode points the relayer at the rollup's DA-only full
// node for everything: it reads headers, proofs and packets from the
// blocks the full node verified from the DA, and its transactions reach
// the sequencer through the full node's forwarding. Link, an LST in with
// a restake memo, and the voucher back out.
func TestIBCThroughAFullNode(t *testing.T) {
	tb := newTestbed(t, true)
	r, lst := tb.rollup, tb.lst
	requireRestakeToPool(t, tb)

	sender := r.address(alice)
	voucher := voucherDenom(r.chain, lstDenom)
	p := transfer(lst, alice, r.chain, sender, "40000"+lstDenom, "", 0)
	tb.rly.relayPackets(p)
	held := balance(r.chain, sender, voucher)
	require.GreaterOrEqual(t, held, int64(40000))
	back, before := lst.address(bob), balance(lst, lst.address(bob), lstDenom)
	p = transfer(r.chain, alice, lst, back, "40000"+voucher, "", 0)
	took := tb.rly.relayPackets(p)
	t.Logf("relay milkyway -> lst through the full node (recv + ack): %s", took.Round(time.Millisecond))
	require.Equal(t, before+40000, balance(lst, back, lstDenom), "unescrowed on the LST chain")
	require.Equal(t, held-40000, balance(r.chain, sender, voucher))
	r.waitFullNodeBalance(sender, voucher, held-40000)
}

// requireTimeoutRefund sends amount from alice on src to bob on dst with a
// short timeout, waits until dst's blocks are past it, relays, and checks
// that the packet was never received and alice got her coins back.
func requireTimeoutRefund(t *testing.T, tb *testbed, src, dst *chain, amount string) {
	t.Helper()
	denom := strings.TrimLeft(amount, "0123456789")
	sender, receiver := src.address(alice), dst.address(bob)
	before := balance(src, sender, denom)
	received := balance(dst, receiver, voucherDenom(dst, denom))

	p := transfer(src, alice, dst, receiver, amount, "", 5*time.Second)
	require.Less(t, balance(src, sender, denom), before, "escrowed on %s", src.name)
	nodetest.WaitFor(t, time.Minute, dst.name+"'s blocks to pass the packet's timeout", func() bool {
		return dst.latestBlockTime().After(p.timeout)
	})
	took := tb.rly.relayPackets(p)
	t.Logf("relay %s -> %s timeout (MsgTimeout on %s): %s", src.name, dst.name, src.name, took.Round(time.Millisecond))
	require.Equal(t, before, balance(src, sender, denom), "refunded on %s", src.name)
	require.Equal(t, received, balance(dst, receiver, voucherDenom(dst, denom)), "nothing arrived on %s", dst.name)
}

// packet is an ICS-20 packet sent on src's transfer channel towards dst.
type packet struct {
	src, dst *chain
	sequence uint64
	timeout  time.Time
}

// transfer sends amount (a coin, such as "100ustTIA") from key on src to
// receiver on dst over the transfer channel, with memo. A timeout of 0
// keeps the CLI's default (10 minutes from now); otherwise the packet times
// out that long from now, by time only. It returns once src has included
// the transfer.
func transfer(src *chain, key string, dst *chain, receiver, amount, memo string, timeout time.Duration) packet {
	src.t.Helper()
	args := []string{"ibc-transfer", "transfer", "transfer", src.channel, receiver, amount, "--memo", memo}
	if timeout > 0 {
		args = append(args, "--packet-timeout-height", "0-0",
			"--packet-timeout-timestamp", strconv.FormatInt(timeout.Nanoseconds(), 10))
	}
	res := src.tx(key, args...)
	seq, err := strconv.ParseUint(res.event("send_packet", "packet_sequence"), 10, 64)
	require.NoError(src.t, err, "send_packet event of %s", res.TxHash)
	ns, err := strconv.ParseInt(res.event("send_packet", "packet_timeout_timestamp"), 10, 64)
	require.NoError(src.t, err, "send_packet event of %s", res.TxHash)
	return packet{src: src, dst: dst, sequence: seq, timeout: time.Unix(0, ns)}
}

// balance is addr's balance of denom on c, by the node that takes c's
// transactions (the rollup's sequencer).
func balance(c *chain, addr, denom string) int64 { return c.balanceAt(c.rpc, addr, denom) }

// waitFullNodeBalance waits until the DA-only full node reports want and
// returns how long that took.
func (r *rollup) waitFullNodeBalance(addr, denom string, want int64) time.Duration {
	r.t.Helper()
	start := time.Now()
	nodetest.WaitFor(r.t, 90*time.Second, fmt.Sprintf("the full node to show %d%s for %s", want, denom, addr), func() bool {
		return r.balanceAt(r.fullRPC, addr, denom) == want
	})
	return time.Since(start)
}

// voucherDenom is the denom under which c holds denom arriving over its
// end of the transfer channel from a chain where denom is native:
// ibc/HASH(transfer/<c's channel>/<denom>). A voucher travelling back to its
// origin chain arrives as the native denom, so this is only for the
// receiving side of a first hop.
func voucherDenom(c *chain, denom string) string {
	if strings.HasPrefix(denom, "ibc/") {
		return denom
	}
	sum := sha256.Sum256([]byte("transfer/" + c.channel + "/" + denom))
	return "ibc/" + strings.ToUpper(hex.EncodeToString(sum[:]))
}
