package txindex

import (
	"fmt"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cometbft/cometbft/libs/pubsub/query"
	"github.com/dgraph-io/badger/v4"
	"github.com/rollkit/rollkit/state/txindex"
	"github.com/stretchr/testify/require"
)

// A relayer asks for one packet of a channel: the candidates come from the
// sequence's postings (one tx), not the channel's (every packet), whichever
// condition the query names first.
func TestSearchTakesCandidatesFromTheRarestValue(t *testing.T) {
	ix, err := Open(t.TempDir())
	require.NoError(t, err)
	defer ix.Close()
	for h := int64(1); h <= 20; h++ {
		attr := func(k, v string) abci.EventAttribute { return abci.EventAttribute{Key: k, Value: v, Index: true} }
		res := &abci.TxResult{Height: h, Tx: []byte(fmt.Sprint("packet ", h)), Result: abci.ExecTxResult{Events: []abci.Event{
			{Type: "send_packet", Attributes: []abci.EventAttribute{attr("packet_src_channel", "channel-0"), attr("packet_sequence", fmt.Sprint(h))}},
		}}}
		require.NoError(t, ix.AddBatch(&txindex.Batch{Ops: []*abci.TxResult{res}}))
	}
	for _, q := range []string{
		"send_packet.packet_src_channel = 'channel-0' AND send_packet.packet_sequence = '7'",
		"send_packet.packet_sequence = '7' AND send_packet.packet_src_channel = 'channel-0'",
	} {
		p, err := newPlan(query.MustCompile(q).Syntax())
		require.NoError(t, err)
		require.NoError(t, ix.db.View(func(txn *badger.Txn) error { p.choosePrefix(txn); return nil }))
		require.Equal(t, valuePrefix("send_packet.packet_sequence", "7"), p.prefix, q)
	}
}
