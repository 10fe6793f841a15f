package e2e

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// Amounts of the restaking test. Every account starts with the coins
// initChain gives it; every tx sent with c.tx pays txFee umilk, rejected
// ones included (the fee is taken before the message runs).
const (
	genesisMilk    = 1_000_000_000_000 // umilk per account (initChain)
	genesisMilkTIA = 1_000_000_000     // umilktia per account (initChain)
	txFee          = 5000              // umilk, the --fees of c.tx

	unbondingTime = 8 * time.Second
)

// TestRestakingThroughCLI drives x/services, x/operators and x/restaking
// through the CLI on real processes: alice creates and activates a service,
// bob registers an operator that joins it, alice allowlists the operator
// and borrows the umilktia pool, carol restakes to the pool, the operator
// and the service (two denoms each) and trusts the service with the pool,
// and both nodes report the same links and delegations. Carol then undelegates part, the unbonding entries
// complete after the (genesis-shortened) unbonding time and her balances
// come back to the exact expected amounts, fees included. Two rejections
// are checked with their registered codes, and the DA-only full node ends
// with the sequencer's app hash.
func TestRestakingThroughCLI(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob", "carol")
	c.editGenesis(func(appState map[string]json.RawMessage) {
		c.setRestakingParam(appState, "unbonding_time", unbondingTime.String())
	})
	c.startDA()
	c.startSequencer()
	c.startFullNode()

	alice, bob, carol := c.address("alice"), c.address("bob"), c.address("carol")

	var params struct {
		Params struct {
			UnbondingTime string `json:"unbonding_time"`
		} `json:"params"`
	}
	c.query(c.seqRPC, &params, "restaking", "params")
	d, err := time.ParseDuration(params.Params.UnbondingTime)
	require.NoError(t, err, "unbonding_time %q", params.Params.UnbondingTime)
	require.Equal(t, unbondingTime, d, "the genesis unbonding_time must be in force")

	// A service (alice) and an operator (bob), both ACTIVE.
	c.mustRestakingTx("alice", "services", "create-service", "My Oracle", "--description", "price oracle")
	c.mustRestakingTx("alice", "services", "activate-service", svcID)
	c.mustRestakingTx("bob", "operators", "register", "Bob Ops", "0.05", "0.20", "0.01",
		"--website", "https://bob.example")

	var svc struct {
		Service struct {
			Status string `json:"status"`
			Admin  string `json:"admin"`
		} `json:"service"`
	}
	c.query(c.seqRPC, &svc, "services", "service", svcID)
	require.Equal(t, "SERVICE_STATUS_ACTIVE", svc.Service.Status)
	require.Equal(t, alice, svc.Service.Admin)

	var op struct {
		Operator struct {
			Status  string `json:"status"`
			Admin   string `json:"admin"`
			Website string `json:"website"`
		} `json:"operator"`
	}
	c.query(c.seqRPC, &op, "operators", "operator", opID)
	require.Equal(t, "OPERATOR_STATUS_ACTIVE", op.Operator.Status)
	require.Equal(t, bob, op.Operator.Admin)
	require.Equal(t, "https://bob.example", op.Operator.Website)
	var opParams struct {
		OperatorParams struct {
			CommissionRate          string `json:"commission_rate"`
			MaxCommissionRate       string `json:"max_commission_rate"`
			MaxCommissionChangeRate string `json:"max_commission_change_rate"`
		} `json:"operator_params"`
	}
	c.query(c.seqRPC, &opParams, "operators", "operator-params", opID)
	require.Equal(t, "0.050000000000000000", opParams.OperatorParams.CommissionRate)
	require.Equal(t, "0.200000000000000000", opParams.OperatorParams.MaxCommissionRate)
	require.Equal(t, "0.010000000000000000", opParams.OperatorParams.MaxCommissionChangeRate)

	// Carol restakes: the umilktia pool (created by this first delegation),
	// the operator and the service, which allows any restakable denom.
	c.mustRestakingTx("carol", "restaking", "delegate-pool", "1000000umilktia")
	c.mustRestakingTx("carol", "restaking", "delegate-operator", opID, "2000000umilk", "3000000umilktia")
	c.mustRestakingTx("carol", "restaking", "delegate-service", svcID, "4000000umilk", "5000000umilktia")
	carolTxs := 3

	var pool struct {
		Pool struct {
			ID    uint32 `json:"id"`
			Denom string `json:"denom"`
		} `json:"pool"`
	}
	c.query(c.seqRPC, &pool, "pools", "pool-by-denom", "umilktia")
	require.Equal(t, uint32(1), pool.Pool.ID)
	require.Equal(t, "umilktia", pool.Pool.Denom)

	// Who secures the service: bob's operator joins it, alice puts the
	// operator on the service's allowlist (closing it to everyone else) and
	// has the umilktia pool secure it; carol trusts the service with her
	// stake in that pool. Both nodes must show the same links.
	c.mustRestakingTx("bob", "restaking", "join-service", opID, svcID)
	c.mustRestakingTx("alice", "restaking", "allow-operator", svcID, opID)
	c.mustRestakingTx("alice", "restaking", "borrow-pool", svcID, "1")
	c.mustRestakingTx("carol", "restaking", "set-user-preferences", `{"trusted_services":[{"service_id":`+svcID+`,"pool_ids":[1]}]}`)
	carolTxs++
	// view -> (argument, the one id it must list)
	views := map[string][2]string{
		"service-operators": {svcID, opID}, "service-allowed-operators": {svcID, opID},
		"service-securing-pools": {svcID, "1"}, "operator-joined-services": {opID, svcID},
	}
	for view, want := range views {
		for _, rpc := range []string{c.seqRPC, c.fullRPC} {
			waitFor(t, 60*time.Second, view+" on "+rpc, func() bool {
				var ids struct {
					IDs []uint32 `json:"ids"`
				}
				out, err := c.tryCLI("query", "restaking", view, want[0], "--node", "tcp://"+rpc, "-o", "json")
				return err == nil && json.Unmarshal([]byte(out), &ids) == nil && len(ids.IDs) == 1 &&
					strconv.FormatUint(uint64(ids.IDs[0]), 10) == want[1]
			})
		}
	}
	var prefs struct {
		Preferences struct {
			TrustedServices []struct {
				ServiceID uint32   `json:"service_id"`
				PoolIDs   []uint32 `json:"pool_ids"`
			} `json:"trusted_services"`
		} `json:"preferences"`
	}
	c.query(c.fullRPC, &prefs, "restaking", "user-preferences", carol)
	require.Len(t, prefs.Preferences.TrustedServices, 1)
	require.Equal(t, svcID, strconv.FormatUint(uint64(prefs.Preferences.TrustedServices[0].ServiceID), 10))
	require.Equal(t, []uint32{1}, prefs.Preferences.TrustedServices[0].PoolIDs)

	wantMilk := int64(genesisMilk - 2_000_000 - 4_000_000 - carolTxs*txFee)
	wantTIA := int64(genesisMilkTIA - 1_000_000 - 3_000_000 - 5_000_000)
	c.requireBalances(c.seqRPC, carol, wantMilk, wantTIA)

	want := map[string]string{
		"DELEGATION_TYPE_POOL/1":           "1000000umilktia",
		"DELEGATION_TYPE_OPERATOR/" + opID: "2000000umilk,3000000umilktia",
		"DELEGATION_TYPE_SERVICE/" + svcID: "4000000umilk,5000000umilktia",
	}
	require.Equal(t, want, c.delegationsOnBothNodes(carol))

	var stake struct {
		Stakes []struct {
			Denom string `json:"denom"`
			Stake struct {
				Tokens string `json:"tokens"`
			} `json:"stake"`
		} `json:"stakes"`
	}
	c.query(c.seqRPC, &stake, "restaking", "target-stake", "service", svcID)
	require.Len(t, stake.Stakes, 2, "service stake per denom: %+v", stake.Stakes)
	require.Equal(t, "umilk", stake.Stakes[0].Denom)
	require.Equal(t, "4000000", stake.Stakes[0].Stake.Tokens)
	require.Equal(t, "umilktia", stake.Stakes[1].Denom)
	require.Equal(t, "5000000", stake.Stakes[1].Stake.Tokens)

	// Undelegate part of the service stake (both denoms) and of the pool
	// stake. Each entry completes unbondingTime after its block; until then
	// the tokens are neither delegated nor back in carol's balance.
	// A slow machine may reach a completion time before the checks below,
	// so balances are read at the height of a tx and expected with what
	// the chain's clock had paid back by that block.
	svcUndel := c.mustRestakingTx("carol", "restaking", "undelegate-service", svcID, "1000000umilk", "2000000umilktia")
	svcEntry := unbonding{umilk: 1_000_000, umilktia: 2_000_000,
		completes: c.requireUnbondingEntry("service", carol, svcUndel, "1000000umilk,2000000umilktia")}
	poolUndel := c.mustRestakingTx("carol", "restaking", "undelegate-pool", "400000umilktia")
	poolEntry := unbonding{umilktia: 400_000,
		completes: c.requireUnbondingEntry("pool", carol, poolUndel, "400000umilktia")}
	carolTxs += 2
	wantMilk -= 2 * txFee
	c.requireBalancesAt(poolUndel.Height, carol, wantMilk, wantTIA, svcEntry, poolEntry)

	want["DELEGATION_TYPE_POOL/1"] = "600000umilktia"
	want["DELEGATION_TYPE_SERVICE/"+svcID] = "3000000umilk,3000000umilktia"
	require.Equal(t, want, c.delegationsOnBothNodes(carol))

	// Rejections, with their registered codes. Alice restricts the service
	// to umilktia; bob's umilk delegation then fails in its block with
	// ErrDenomNotRestakable. Carol asking for more umilktia than she holds
	// fails with the SDK's ErrInsufficientFunds. Both still pay
	// the fee and move nothing else.
	c.mustRestakingTx("alice", "services", "set-params", svcID, `{"allowed_denoms":["umilktia"]}`)
	var svcParams struct {
		ServiceParams struct {
			AllowedDenoms []string `json:"allowed_denoms"`
		} `json:"service_params"`
	}
	c.query(c.seqRPC, &svcParams, "services", "service-params", svcID)
	require.Equal(t, []string{"umilktia"}, svcParams.ServiceParams.AllowedDenoms)

	code, codespace := c.txResult(c.tx("bob", "restaking", "delegate-service", svcID, "1000umilk"))
	require.Equal(t, uint32(8), code, "ErrDenomNotRestakable")
	require.Equal(t, "restaking", codespace)
	tooMuch := c.waitIncluded(c.tx("carol", "restaking", "delegate-pool", "999000000000umilktia"))
	require.Equal(t, uint32(5), tooMuch.Code, "the SDK's ErrInsufficientFunds")
	require.Equal(t, "sdk", tooMuch.Codespace)
	carolTxs++
	wantMilk -= txFee
	// bob: the operator registration, the join and the rejected delegation.
	c.requireBalances(c.seqRPC, bob, genesisMilk-3*txFee, genesisMilkTIA)
	c.requireBalancesAt(tooMuch.Height, carol, wantMilk, wantTIA, svcEntry, poolEntry)
	// The allowed denom still goes through.
	c.mustRestakingTx("bob", "restaking", "delegate-service", svcID, "7000umilktia")
	c.requireBalances(c.seqRPC, bob, genesisMilk-4*txFee, genesisMilkTIA-7000)

	// Maturity: the entries disappear and the tokens come back, exactly.
	waitFor(t, 60*time.Second, "carol's unbondings to complete", func() bool {
		var res struct {
			Unbondings []json.RawMessage `json:"unbonding_delegations"`
		}
		c.query(c.seqRPC, &res, "restaking", "delegator-unbonding-delegations", carol)
		return len(res.Unbondings) == 0
	})
	wantMilk += 1_000_000
	wantTIA += 2_000_000 + 400_000
	require.Equal(t, int64(genesisMilk-2_000_000-4_000_000+1_000_000-int64(carolTxs)*txFee), wantMilk)
	for _, rpc := range []string{c.seqRPC, c.fullRPC} {
		waitFor(t, 60*time.Second, "carol's balances after unbonding on "+rpc, func() bool {
			return c.balance(rpc, carol, "umilk") == strconv.FormatInt(wantMilk, 10) &&
				c.balance(rpc, carol, "umilktia") == strconv.FormatInt(wantTIA, 10)
		})
	}
	require.Equal(t, want, c.delegationsOnBothNodes(carol), "completing an unbonding must not touch delegations")

	// Every module's invariants hold on chain: x/crisis runs each route and
	// the tx succeeds only if the invariant is intact (a broken one halts).
	for _, route := range [][2]string{
		{"services", "valid-services"}, {"operators", "valid-operators"}, {"pools", "valid-pools"},
		{"restaking", "stake"}, {"restaking", "security"},
	} {
		c.mustTx("alice", "crisis", "invariant-broken", route[0], route[1])
	}

	c.requireSameAppHash()
}

// includedTx is a transaction as found in a block.
type includedTx struct {
	Hash      string
	Height    int64
	Code      uint32
	Codespace string
	RawLog    string
	Fee       string
}

// mustRestakingTx sends a tx with c.tx, waits for its block, requires
// success and checks it paid exactly txFee.
func (c *cluster) mustRestakingTx(key string, args ...string) includedTx {
	c.t.Helper()
	res := c.waitIncluded(c.tx(key, args...))
	require.Zero(c.t, res.Code, "tx %v failed in its block (codespace %s): %s", args, res.Codespace, res.RawLog)
	require.Equal(c.t, fmt.Sprintf("%dumilk", txFee), res.Fee, "the fee c.tx pays changed; update txFee")
	return res
}

// waitIncluded waits for the transaction to be in a block of the sequencer.
func (c *cluster) waitIncluded(hash string) includedTx {
	c.t.Helper()
	return c.waitIncludedOn(c.seqRPC, hash)
}

// waitIncludedOn waits for the transaction to be in a block of the node at rpc.
func (c *cluster) waitIncludedOn(rpc, hash string) includedTx {
	c.t.Helper()
	var res struct {
		Height    string `json:"height"`
		Code      uint32 `json:"code"`
		Codespace string `json:"codespace"`
		RawLog    string `json:"raw_log"`
		Tx        struct {
			AuthInfo struct {
				Fee struct {
					Amount []struct {
						Denom  string `json:"denom"`
						Amount string `json:"amount"`
					} `json:"amount"`
				} `json:"fee"`
			} `json:"auth_info"`
		} `json:"tx"`
	}
	waitFor(c.t, 60*time.Second, "tx "+hash+" in a block", func() bool {
		out, err := c.tryCLI("query", "tx", hash, "--node", "tcp://"+rpc, "-o", "json")
		return err == nil && json.Unmarshal([]byte(out), &res) == nil
	})
	h, err := strconv.ParseInt(res.Height, 10, 64)
	require.NoError(c.t, err, "height of tx %s", hash)
	fee := ""
	for _, coin := range res.Tx.AuthInfo.Fee.Amount {
		if fee != "" {
			fee += ","
		}
		fee += coin.Amount + coin.Denom
	}
	return includedTx{Hash: hash, Height: h, Code: res.Code, Codespace: res.Codespace, RawLog: res.RawLog, Fee: fee}
}

// query runs `milkywayd query <args> -o json` against rpc and decodes it.
func (c *cluster) query(rpc string, out any, args ...string) {
	c.t.Helper()
	full := append([]string{"query"}, args...)
	full = append(full, "--node", "tcp://"+rpc, "-o", "json")
	bz := c.cli(full...)
	require.NoError(c.t, json.Unmarshal([]byte(bz), out), "query %v: %s", args, bz)
}

// requireBalances checks both denoms of addr on rpc.
func (c *cluster) requireBalances(rpc, addr string, umilk, umilktia int64) {
	c.t.Helper()
	require.Equal(c.t, strconv.FormatInt(umilk, 10), c.balance(rpc, addr, "umilk"), "umilk of %s", addr)
	require.Equal(c.t, strconv.FormatInt(umilktia, 10), c.balance(rpc, addr, "umilktia"), "umilktia of %s", addr)
}

// delegations returns a delegator's delegations as "TYPE/id" -> token
// value ("1umilk,2umilktia") as one node reports them.
func (c *cluster) delegations(rpc, delegator string) map[string]string {
	c.t.Helper()
	out := c.cli("query", "restaking", "delegator-delegations", delegator, "--node", "tcp://"+rpc, "-o", "json")
	ds, err := nodetest.ParseDelegations([]byte(out))
	require.NoError(c.t, err)
	byTarget := make(map[string]string, len(ds))
	for _, d := range ds {
		require.Equal(c.t, delegator, d.User)
		byTarget[fmt.Sprintf("%s/%d", d.Type, d.TargetID)] = d.Value
	}
	return byTarget
}

// delegationsOnBothNodes waits until the DA-only full node reports the
// sequencer's view of the delegator's delegations and returns it.
func (c *cluster) delegationsOnBothNodes(delegator string) map[string]string {
	c.t.Helper()
	seq := c.delegations(c.seqRPC, delegator)
	var full map[string]string
	waitFor(c.t, 60*time.Second, "the full node to report the sequencer's delegations", func() bool {
		full = c.delegations(c.fullRPC, delegator)
		return fmt.Sprint(full) == fmt.Sprint(seq)
	})
	require.Equal(c.t, seq, full)
	return seq
}

// unbonding is what an unbonding entry pays back, and when by the chain's
// clock.
type unbonding struct {
	umilk, umilktia int64
	completes       time.Time
}

// requireBalancesAt checks a delegator's balances after block height: want
// plus every entry that had completed by then (an entry completes in the
// first block whose time reaches its completion time).
func (c *cluster) requireBalancesAt(height int64, addr string, umilk, umilktia int64, entries ...unbonding) {
	c.t.Helper()
	at := c.blockTime(c.seqRPC, height)
	for _, e := range entries {
		if !e.completes.After(at) {
			umilk, umilktia = umilk+e.umilk, umilktia+e.umilktia
		}
	}
	require.Equal(c.t, umilk, c.balanceAt(c.seqRPC, addr, "umilk", height), "umilk of %s at %d", addr, height)
	require.Equal(c.t, umilktia, c.balanceAt(c.seqRPC, addr, "umilktia", height), "umilktia of %s at %d", addr, height)
}

// requireUnbondingEntry checks that the undelegation in tx created an
// unbonding entry from target 1 of type kind (pool, operator, service) for
// the given coins, completing unbondingTime after the block time of tx,
// and returns the completion time. It reads the state of tx's block, so an
// entry that has completed since is still there.
func (c *cluster) requireUnbondingEntry(kind, delegator string, tx includedTx, coins string) time.Time {
	c.t.Helper()
	var res struct {
		Unbonding struct {
			Entries []struct {
				CreationHeight string    `json:"creation_height"`
				CompletionTime time.Time `json:"completion_time"`
				Balance        []struct {
					Denom  string `json:"denom"`
					Amount string `json:"amount"`
				} `json:"balance"`
			} `json:"entries"`
		} `json:"unbonding_delegation"`
	}
	id := map[string]string{"pool": "1", "operator": opID, "service": svcID}[kind]
	c.queryAt(c.seqRPC, tx.Height, &res, "restaking", "unbonding-delegation", kind, id, delegator)
	require.Len(c.t, res.Unbonding.Entries, 1, "unbonding entries from %s %s", kind, id)
	e := res.Unbonding.Entries[0]
	require.Equal(c.t, strconv.FormatInt(tx.Height, 10), e.CreationHeight)
	got := ""
	for _, coin := range e.Balance {
		if got != "" {
			got += ","
		}
		got += coin.Amount + coin.Denom
	}
	require.Equal(c.t, coins, got)
	blockTime := c.blockTime(c.seqRPC, tx.Height)
	require.True(c.t, e.CompletionTime.Equal(blockTime.Add(unbondingTime)),
		"completion time %s, want block time %s + %s", e.CompletionTime, blockTime, unbondingTime)
	return e.CompletionTime
}

// blockTime returns the header time of the block at height.
func (c *cluster) blockTime(rpc string, height int64) time.Time {
	c.t.Helper()
	var out struct {
		Result struct {
			Block struct {
				Header struct {
					Time time.Time `json:"time"`
				} `json:"header"`
			} `json:"block"`
		} `json:"result"`
	}
	require.NoError(c.t, getJSON(fmt.Sprintf("http://%s/block?height=%d", rpc, height), &out))
	require.False(c.t, out.Result.Block.Header.Time.IsZero(), "no block %d on %s", height, rpc)
	return out.Result.Block.Header.Time
}
