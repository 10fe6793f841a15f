package e2e

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestPricesAndCapThroughCLI: genesis registers umilktia as TIA (6
// decimals), names alice as the only feeder, sets a 20 USD restaking cap
// and a short max price age. Alice posts TIA=5.25; both nodes report it and
// value 2 TIA at 10.5 USD; a pool delegation that would take the restaked
// value past the cap fails on chain with ErrRestakingCapExceeded; once no
// post is fresh the price is stale and zero.
func TestPricesAndCapThroughCLI(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob")
	alice := c.address("alice")
	const maxPriceAge = 6 * time.Second
	c.editGenesis(func(appState map[string]json.RawMessage) {
		c.editModuleGenesis(appState, "assets", func(gs map[string]any) {
			gs["assets"] = []any{map[string]any{"denom": "umilktia", "ticker": "TIA", "exponent": 6}}
		})
		c.editModuleGenesis(appState, "prices", func(gs map[string]any) {
			gs["params"] = map[string]any{"feeders": []any{alice}, "max_price_age": maxPriceAge.String()}
		})
		c.setRestakingParam(appState, "restaking_cap", "20.000000000000000000")
	})
	c.startDA()
	c.startSequencer()
	c.startFullNode()

	c.mustTx("alice", "prices", "post-prices", "TIA=5.25")
	type price struct {
		Price struct {
			Price string `json:"price"`
			Stale bool   `json:"stale"`
		} `json:"price"`
	}
	for _, rpc := range []string{c.seqRPC, c.fullRPC} {
		waitFor(t, 60*time.Second, "the TIA price on "+rpc, func() bool {
			var p price
			out, err := c.tryCLI("query", "prices", "price", "TIA", "--node", "tcp://"+rpc, "-o", "json")
			return err == nil && json.Unmarshal([]byte(out), &p) == nil && !p.Price.Stale && p.Price.Price != ""
		})
	}
	var value struct {
		Value string `json:"value"`
	}
	c.query(c.seqRPC, &value, "prices", "usd-value", "2000000umilktia")
	require.Equal(t, "10.500000000000000000", value.Value, "2 TIA at 5.25")

	code, codespace := c.txResult(c.tx("bob", "prices", "post-prices", "TIA=1"))
	require.Equal(t, uint32(4), code, "ErrNotFeeder")
	require.Equal(t, "prices", codespace)

	c.mustTx("alice", "restaking", "delegate-pool", "2000000umilktia") // 10.5 USD restaked
	// The cap needs a fresh price in the block that runs bob's delegation.
	// On a slow machine more than max_price_age may pass between two txs,
	// so the price is posted again until bob's tx lands, by the chain's
	// clock, well inside the price's age limit.
	for attempt := 0; ; attempt++ {
		post := c.waitIncluded(c.tx("alice", "prices", "post-prices", "TIA=5.25"))
		require.Zero(t, post.Code)
		res := c.waitIncluded(c.tx("bob", "restaking", "delegate-pool", "2000000umilktia"))
		age := c.blockTime(c.seqRPC, res.Height).Sub(c.blockTime(c.seqRPC, post.Height))
		if age >= maxPriceAge-time.Second {
			require.Less(t, attempt, 5, "the machine is too slow to land two txs within %s", maxPriceAge)
			continue
		}
		require.Equal(t, uint32(15), res.Code, "ErrRestakingCapExceeded: 21 > 20 USD (price %s old)", age)
		require.Equal(t, "restaking", res.Codespace)
		break
	}

	waitFor(t, 60*time.Second, "the price to go stale", func() bool {
		var p price
		out, err := c.tryCLI("query", "prices", "price", "TIA", "--node", "tcp://"+c.seqRPC, "-o", "json")
		return err == nil && json.Unmarshal([]byte(out), &p) == nil && p.Price.Stale
	})
	c.query(c.seqRPC, &value, "prices", "usd-value", "2000000umilktia")
	require.Contains(t, []string{"0", "0.000000000000000000", ""}, value.Value, "a stale price values at zero")
	c.requireSameAppHash()
}
