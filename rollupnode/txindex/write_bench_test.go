package txindex_test

import (
	"fmt"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/rollkit/rollkit/state/txindex"
	rollkitkv "github.com/rollkit/rollkit/state/txindex/kv"
	"github.com/rollkit/rollkit/store"
	"github.com/stretchr/testify/require"

	_ "github.com/milkyway-labs/milkyway-rollup/rollupnode" // the node's badger options for rollkit's store
	ours "github.com/milkyway-labs/milkyway-rollup/rollupnode/txindex"
)

// restakeBlock is a block of n MsgDelegatePool results as the app emits
// them (34 indexed attributes each, from a real block of issue 15's load),
// from the given number of senders.
func restakeBlock(height int64, n, senders int) []*abci.TxResult {
	results := make([]*abci.TxResult, n)
	attr := func(k, v string) abci.EventAttribute { return abci.EventAttribute{Key: k, Value: v, Index: true} }
	for i := range results {
		sender := fmt.Sprintf("milk1sender%038d", i%senders)
		fee, pool, collector := "2500umilk", "milk1wymg2h67lkvfhn99glfwq78x8g34634uge9x0k", "milk17xpfvakm2amg962yls6f84z3kell8c5l72"
		events := []abci.Event{
			{Type: "coin_spent", Attributes: []abci.EventAttribute{attr("spender", sender), attr("amount", fee)}},
			{Type: "coin_received", Attributes: []abci.EventAttribute{attr("receiver", collector), attr("amount", fee)}},
			{Type: "transfer", Attributes: []abci.EventAttribute{attr("recipient", collector), attr("sender", sender), attr("amount", fee)}},
			{Type: "message", Attributes: []abci.EventAttribute{attr("sender", sender)}},
			{Type: "tx", Attributes: []abci.EventAttribute{attr("fee", fee), attr("fee_payer", sender)}},
			{Type: "tx", Attributes: []abci.EventAttribute{attr("acc_seq", fmt.Sprintf("%s/%d", sender, height*int64(n)+int64(i)))}},
			{Type: "tx", Attributes: []abci.EventAttribute{attr("signature", fmt.Sprintf("sig-%d-%d", height, i))}},
			{Type: "message", Attributes: []abci.EventAttribute{attr("action", "/milkyway.restaking.v1.MsgDelegatePool"),
				attr("sender", sender), attr("module", "restaking"), attr("msg_index", "0")}},
			{Type: "coin_spent", Attributes: []abci.EventAttribute{attr("spender", sender), attr("amount", "1000umilktia"), attr("msg_index", "0")}},
			{Type: "coin_received", Attributes: []abci.EventAttribute{attr("receiver", pool), attr("amount", "1000umilktia"), attr("msg_index", "0")}},
			{Type: "transfer", Attributes: []abci.EventAttribute{attr("recipient", pool), attr("sender", sender), attr("amount", "1000umilktia"), attr("msg_index", "0")}},
			{Type: "message", Attributes: []abci.EventAttribute{attr("sender", sender), attr("msg_index", "0")}},
			{Type: "milkyway.restaking.v1.EventDelegate", Attributes: []abci.EventAttribute{
				attr("amount", `[{"denom":"umilktia","amount":"1000"}]`), attr("delegator", `"`+sender+`"`),
				attr("new_shares", `[{"denom":"umilktia","amount":"1000.000000000000000000"}]`), attr("target_id", "1"),
				attr("type", `"DELEGATION_TYPE_POOL"`), attr("msg_index", "0")}},
		}
		results[i] = &abci.TxResult{Height: height, Index: uint32(i), Tx: cmtypes.Tx(fmt.Sprintf("restake-%d-%d", height, i)),
			Result: abci.ExecTxResult{GasWanted: 250000, GasUsed: 95093, Events: events}}
	}
	return results
}

// BenchmarkIndexRestakeBlocks writes blocks of 1,000 restakes, in the
// node's chunks of 256, to this index and to rollkit's (each on disk, with
// the node's badger options), from 40 senders (issue 15's load) and from
// 1,000 (one tx per sender: the fewest shared values).
//
//	go test -run '^$' -bench IndexRestakeBlocks ./rollupnode/txindex/
func BenchmarkIndexRestakeBlocks(b *testing.B) {
	const perBlock, chunk = 1000, 256
	for _, senders := range []int{40, perBlock} {
		for _, impl := range []string{"ours", "rollkit"} {
			b.Run(fmt.Sprintf("%s/senders=%d", impl, senders), func(b *testing.B) {
				var ix txindex.TxIndexer
				if impl == "ours" {
					o, err := ours.Open(b.TempDir())
					require.NoError(b, err)
					defer o.Close()
					ix = o
				} else {
					kv, err := store.NewDefaultKVStore(b.TempDir(), "data", "rollkit")
					require.NoError(b, err)
					defer kv.Close()
					ix = rollkitkv.NewTxIndex(b.Context(), kv)
				}
				blocks := make([][]*abci.TxResult, b.N)
				for i := range blocks {
					blocks[i] = restakeBlock(int64(i+1), perBlock, senders)
				}
				b.ResetTimer()
				start := time.Now()
				for _, block := range blocks {
					for c := 0; c < len(block); c += chunk {
						require.NoError(b, ix.AddBatch(&txindex.Batch{Ops: block[c:min(c+chunk, len(block))]}))
					}
				}
				b.ReportMetric(float64(time.Since(start).Nanoseconds())/float64(b.N*perBlock), "ns/tx")
			})
		}
	}
}
