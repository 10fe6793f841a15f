package txindex_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	dbm "github.com/cometbft/cometbft-db"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/libs/pubsub/query"
	cmttxindex "github.com/cometbft/cometbft/state/txindex"
	cometkv "github.com/cometbft/cometbft/state/txindex/kv"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/rollkit/rollkit/state/txindex"
	"github.com/stretchr/testify/require"

	ours "github.com/milkyway-labs/milkyway-rollup/rollupnode/txindex"
)

// sampleResults is a small chain's txs: restakes and bank sends from a few
// senders over five blocks, with what real events carry (an IBC denom with
// slashes, JSON values, an attribute repeated in one tx, one not indexed,
// an event without a type).
func sampleResults() []*abci.TxResult {
	var out []*abci.TxResult
	for h := int64(1); h <= 5; h++ {
		for i := uint32(0); i < 6; i++ {
			sender := fmt.Sprintf("milk1sender%d", (int(h)+int(i))%3)
			action, amount := "/cosmos.bank.v1beta1.MsgSend", fmt.Sprint(int(h)*10+int(i))
			if i%2 == 0 {
				action, amount = "/milkyway.restaking.v1.MsgDelegatePool", fmt.Sprint(1000+int(i))
			}
			events := []abci.Event{
				{Type: "tx", Attributes: []abci.EventAttribute{
					{Key: "fee", Value: "2500umilk", Index: true},
					{Key: "acc_seq", Value: fmt.Sprintf("%s/%d", sender, h*10+int64(i)), Index: true},
				}},
				{Type: "message", Attributes: []abci.EventAttribute{
					{Key: "action", Value: action, Index: true},
					{Key: "sender", Value: sender, Index: true},
					{Key: "sender", Value: sender, Index: true},
					{Key: "memo", Value: "not indexed", Index: false},
				}},
				{Type: "transfer", Attributes: []abci.EventAttribute{
					{Key: "amount", Value: amount, Index: true},
					{Key: "denom", Value: "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2", Index: true},
				}},
				{Type: "", Attributes: []abci.EventAttribute{{Key: "orphan", Value: "x", Index: true}}},
				{Type: "milkyway.restaking.v1.EventDelegate", Attributes: []abci.EventAttribute{
					{Key: "amount", Value: `[{"denom":"umilktia","amount":"1000"}]`, Index: true},
				}},
			}
			tx := cmtypes.Tx(fmt.Sprintf("tx-%d-%d", h, i))
			out = append(out, &abci.TxResult{Height: h, Index: i, Tx: tx, Result: abci.ExecTxResult{Code: 0, Log: "ok", Events: events}})
		}
	}
	return out
}

// indexBoth writes results to this index and to CometBFT's own kv index
// (one key per attribute, what its RPC's tx_search reads), block by block
// in chunks of size.
func indexBoth(t *testing.T, results []*abci.TxResult, size int) (*ours.Index, *cometkv.TxIndex) {
	t.Helper()
	ix, err := ours.Open(t.TempDir())
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, ix.Close()) })
	ref := cometkv.NewTxIndex(dbm.NewMemDB())
	for start := 0; start < len(results); {
		end := start + 1
		for end < len(results) && end-start < size && results[end].Height == results[start].Height {
			end++
		}
		require.NoError(t, ix.AddBatch(&txindex.Batch{Ops: results[start:end]}))
		require.NoError(t, ref.AddBatch(&cmttxindex.Batch{Ops: results[start:end]}))
		start = end
	}
	return ix, ref
}

// requireSameAnswers asks both indexes q and requires the same txs.
func requireSameAnswers(t *testing.T, ix *ours.Index, ref *cometkv.TxIndex, what, q string) {
	t.Helper()
	got, err := ix.Search(context.Background(), query.MustCompile(q))
	require.NoError(t, err, what)
	want, err := ref.Search(context.Background(), query.MustCompile(q))
	require.NoError(t, err, what)
	require.Equal(t, hashes(want), hashes(got), what)
}

func hashes(results []*abci.TxResult) []string {
	var hs []string
	for _, r := range results {
		hs = append(hs, fmt.Sprintf("%d/%d", r.Height, r.Index))
	}
	sort.Strings(hs)
	return hs
}

// Each query gets the same transactions from this index as from
// CometBFT's kv index, the one CometBFT's RPC clients were written
// against. (Rollkit's copy of it is not the reference: it returns txs
// outside a tx.height range given with an attribute condition.)
func TestSearchFindsWhatCometBFTsIndexFinds(t *testing.T) {
	results := sampleResults()
	for _, size := range []int{256, 4} { // a block in one write, and in chunks
		ix, ref := indexBoth(t, results, size)
		someHash := fmt.Sprintf("%X", cmtypes.Tx(results[7].Tx).Hash())
		for _, q := range []string{
			"message.sender = 'milk1sender1'",
			"message.action = '/milkyway.restaking.v1.MsgDelegatePool'",
			"message.action = '/cosmos.bank.v1beta1.MsgSend' AND tx.height = 3",
			"message.sender = 'milk1sender2' AND tx.height >= 2 AND tx.height < 5",
			"transfer.denom = 'ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2' AND tx.height <= 2",
			"tx.acc_seq = 'milk1sender0/32'",
			"tx.height = 4",
			"tx.height > 3",
			"tx.height >= 2 AND tx.height <= 3",
			"transfer.amount > 40 AND transfer.amount < 1000",
			"transfer.amount >= 1002 AND tx.height = 5",
			"message.action CONTAINS 'restaking'",
			"message.action CONTAINS 'bank' AND tx.height > 4",
			"transfer.amount <= 13 AND tx.height >= 1",
			"message.sender EXISTS AND tx.height = 1",
			"milkyway.restaking.v1.EventDelegate.amount = '[{\"denom\":\"umilktia\",\"amount\":\"1000\"}]' AND tx.height = 2",
			"message.sender = 'milk1sender1' AND message.action = '/cosmos.bank.v1beta1.MsgSend'",
			"tx.hash = '" + someHash + "'",
			"tx.hash = '" + strings.ToLower(someHash) + "'",
			"tx.hash = '" + someHash + "' AND tx.height = 1",
			"message.memo = 'not indexed'",
			"message.sender = 'nobody'",
			"tx.height = 99",
		} {
			requireSameAnswers(t, ix, ref, fmt.Sprintf("chunk %d: %s", size, q), q)
		}
	}
}

// Results come back whole and in height and index order; each tx once,
// however many of its attributes match.
func TestSearchReturnsWholeResultsInOrder(t *testing.T) {
	results := sampleResults()
	ix, _ := indexBoth(t, results, 256)
	got, err := ix.Search(context.Background(), query.MustCompile("transfer.amount EXISTS"))
	require.NoError(t, err)
	require.Len(t, got, len(results))
	for i, r := range got {
		require.Equal(t, results[i].Height, r.Height)
		require.Equal(t, results[i].Index, r.Index)
		require.Equal(t, results[i].Tx, r.Tx)
		require.Equal(t, results[i].Result.Events, r.Result.Events)
	}
}

func TestSearchRejectsAHashThatIsNotHex(t *testing.T) {
	ix, _ := indexBoth(t, sampleResults(), 256)
	_, err := ix.Search(context.Background(), query.MustCompile("tx.hash = 'xyz'"))
	require.ErrorContains(t, err, "hash")
}

func TestSearchStopsWhenCancelled(t *testing.T) {
	ix, _ := indexBoth(t, sampleResults(), 256)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, err := ix.Search(ctx, query.MustCompile("tx.height > 0"))
	require.NoError(t, err)
	require.Empty(t, got)
}

// edgeResults are txs whose events probe how CometBFT's kv index reads a
// query: conditions met by different events of one tx, values that only
// start with a number, a range two values of one event straddle.
func edgeResults() []*abci.TxResult {
	attr := func(k, v string) abci.EventAttribute { return abci.EventAttribute{Key: k, Value: v, Index: true} }
	events := [][]abci.Event{
		{{Type: "a", Attributes: []abci.EventAttribute{attr("x", "1")}}, {Type: "a", Attributes: []abci.EventAttribute{attr("y", "2")}},
			{Type: "b", Attributes: []abci.EventAttribute{attr("z", "3")}}},
		{{Type: "a", Attributes: []abci.EventAttribute{attr("x", "1"), attr("y", "2"), attr("x", "7")}}},
		{{Type: "n", Attributes: []abci.EventAttribute{attr("v", "5umilk"), attr("w", "05")}}},
		{{Type: "n", Attributes: []abci.EventAttribute{attr("v", "5.0"), attr("w", "-3")}}},
		{{Type: "n", Attributes: []abci.EventAttribute{attr("v", "1e3"), attr("w", "5")}}},
		{{Type: "r", Attributes: []abci.EventAttribute{attr("v", "0"), attr("v", "5")}}},
		{{Type: "r", Attributes: []abci.EventAttribute{attr("v", "2")}}},
		{{Type: "d", Attributes: []abci.EventAttribute{attr("t", "2024-01-01T00:00:00Z")}}},
		{{Type: "message", Attributes: []abci.EventAttribute{attr("sender", "s")}}},
	}
	var out []*abci.TxResult
	for i, e := range events {
		out = append(out, &abci.TxResult{Height: int64(1 + i/3), Index: uint32(i % 3), Tx: cmtypes.Tx(fmt.Sprint("edge ", i)),
			Result: abci.ExecTxResult{Events: e}})
	}
	return out
}

func TestSearchReadsQueriesAsCometBFTsIndexDoes(t *testing.T) {
	ix, ref := indexBoth(t, edgeResults(), 256)
	for _, q := range []string{
		"a.x = '1' AND a.y = '2'", // in one event for one tx only
		"a.x = '1' AND b.z = '3'", // never in one event
		"a.x = '1' AND a.x = '7'",
		"a.x EXISTS AND a.y EXISTS",
		"n.v = 5", "n.v = '5.0'", "n.w = 5", "n.w = '05'",
		"n.v > 4", "n.w < 0", "n.v > 100", "n.w >= 5 AND n.w <= 5",
		"r.v > 1 AND r.v < 3", // one value must be in the range
		"r.v > 1", "r.v <= 0",
		"d.t > TIME 2020-01-01T00:00:00Z",
		"message EXISTS AND tx.height = 3",
		"message.sender EXISTS AND tx.height = 3",
		"n.v CONTAINS 'milk'",
		"tx.height > 9223372036854775807",
		"tx.height < 2 AND a.x = '1'",
	} {
		requireSameAnswers(t, ix, ref, q, q)
	}
}
