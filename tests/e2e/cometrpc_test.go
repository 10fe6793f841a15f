package e2e

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	lighthttp "github.com/cometbft/cometbft/light/provider/http"
	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/gorilla/websocket"
	"github.com/stretchr/testify/require"
)

// TestCometBFTClientsWorkUnchanged drives both nodes' RPC with CometBFT's
// own client (HTTP and websocket) and light-client provider, the way
// wallets, explorers and relayers do: defaults for optional params, block
// ids a strict decoder accepts, hashes that match, events in CometBFT's
// frame, and clear errors for what a rollup does not have.
func TestCometBFTClientsWorkUnchanged(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob")
	c.startDA()
	c.startSequencer()
	c.startFullNode("--rollup.sequencer_rpc", "tcp://"+c.seqRPC)
	alice := c.address("alice")
	hash := c.tx("alice", "bank", "send", "alice", c.address("bob"), "1umilk")
	txH := c.waitIncluded(hash).Height
	waitFor(t, 60*time.Second, "the full node to have the tx", func() bool { return c.height(c.fullRPC) > txH })

	for _, rpc := range []string{c.seqRPC, c.fullRPC} {
		t.Run(rpc, func(t *testing.T) {
			ctx := context.Background()
			cl, err := rpchttp.New("http://"+rpc, "/websocket")
			require.NoError(t, err)

			st, err := cl.Status(ctx)
			require.NoError(t, err)
			require.Equal(t, "tcp://"+rpc, st.NodeInfo.Other.RPCAddress, "the node's own RPC address")
			latest := st.SyncInfo.LatestBlockHeight
			b, err := cl.Block(ctx, &latest)
			require.NoError(t, err)
			require.Equal(t, b.BlockID.Hash, st.SyncInfo.LatestBlockHash, "status names the latest block's id hash")

			b, err = cl.Block(ctx, nil)
			require.NoError(t, err, "block without a height is the latest")
			require.NoError(t, b.BlockID.ValidateBasic())
			require.False(t, b.BlockID.PartSetHeader.IsZero(), "a part-set header strict decoders accept")
			cm, err := cl.Commit(ctx, nil)
			require.NoError(t, err, "commit without a height")
			cm2, err := cl.Commit(ctx, &cm.Height)
			require.NoError(t, err)
			b2, err := cl.Block(ctx, &cm.Height)
			require.NoError(t, err)
			require.Equal(t, b2.BlockID.Hash, cm2.Commit.BlockID.Hash, "commit and block agree on the block hash")
			require.True(t, cm2.Commit.BlockID.PartSetHeader.IsZero(), "the commit keeps the block id the sequencer signed")
			require.False(t, b2.Block.LastBlockID.PartSetHeader.IsZero(), "the block view's last block id has a part-set header")
			_, err = cl.BlockResults(ctx, nil)
			require.NoError(t, err, "block_results without a height")
			_, err = cl.Header(ctx, nil)
			require.NoError(t, err)
			hdr, err := cl.HeaderByHash(ctx, b2.BlockID.Hash)
			require.NoError(t, err)
			require.Equal(t, cm.Height, hdr.Header.Height)
			chain, err := cl.BlockchainInfo(ctx, 1, 3)
			require.NoError(t, err)
			require.NotEmpty(t, chain.BlockMetas)
			for _, m := range chain.BlockMetas {
				require.NoError(t, m.BlockID.ValidateBasic())
				require.False(t, m.BlockID.PartSetHeader.IsZero())
			}
			found, err := cl.BlockSearch(ctx, "block.height >= 1", nil, nil, "")
			require.NoError(t, err, "block_search without a page")
			require.Positive(t, found.TotalCount)
			vals, err := cl.Validators(ctx, &cm.Height, nil, nil)
			require.NoError(t, err, "validators at a height without a page")
			require.Len(t, vals.Validators, 1, "the sequencer")

			raw, err := hex.DecodeString(hash)
			require.NoError(t, err)
			tx, err := cl.Tx(ctx, raw, false)
			require.NoError(t, err)
			require.Equal(t, txH, tx.Height)
			txs, err := cl.TxSearch(ctx, fmt.Sprintf("message.sender='%s'", alice), false, nil, nil, "")
			require.NoError(t, err)
			require.Positive(t, txs.TotalCount)
			var uri struct {
				Result struct {
					Height string `json:"height"`
				} `json:"result"`
			}
			require.NoError(t, getJSON(fmt.Sprintf("http://%s/tx?hash=0x%s", rpc, hash), &uri), "URI form with hash=0x...")
			require.Equal(t, fmt.Sprint(txH), uri.Result.Height)

			for _, call := range []func() error{
				func() error { _, err := cl.Health(ctx); return err },
				func() error { _, err := cl.Genesis(ctx); return err },
				func() error { _, err := cl.GenesisChunked(ctx, 0); return err },
				func() error { _, err := cl.ABCIInfo(ctx); return err },
				func() error { _, err := cl.NetInfo(ctx); return err },
				func() error { _, err := cl.NumUnconfirmedTxs(ctx); return err },
				func() error { _, err := cl.ConsensusParams(ctx, nil); return err },
			} {
				require.NoError(t, call())
			}
			_, err = cl.ConsensusState(ctx)
			require.ErrorContains(t, err, "no consensus rounds")

			// CometBFT's light-client provider (what relayers use to build
			// client updates) reads and validates a light block.
			lb, err := lighthttp.New(chainID, "http://"+rpc)
			require.NoError(t, err)
			light, err := lb.LightBlock(ctx, cm.Height)
			require.NoError(t, err)
			require.Equal(t, cm.Height, light.Height)
			require.NoError(t, light.ValidateBasic(chainID))
			// The sequencer's signature verifies the way an IBC light client
			// checks it.
			require.NoError(t, light.ValidatorSet.VerifyCommitLight(chainID, light.Commit.BlockID, light.Height, light.Commit))

			requireEvents(t, cl, c, alice)
			requireBadRequestsRefused(t, rpc)
			requireSubscriptionFloodBounded(t, rpc)
		})
	}
}

// requireEvents subscribes over the websocket with CometBFT's client and
// receives a new block and a transaction event in CometBFT's frame.
func requireEvents(t *testing.T, cl *rpchttp.HTTP, c *cluster, sender string) {
	require.NoError(t, cl.Start())
	defer func() { _ = cl.Stop() }()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	blocks, err := cl.Subscribe(ctx, "e2e", "tm.event='NewBlock'")
	require.NoError(t, err)
	query := fmt.Sprintf("tm.event='Tx' AND message.sender='%s'", sender)
	txs, err := cl.Subscribe(ctx, "e2e", query)
	require.NoError(t, err)

	var ev ctypes.ResultEvent
	select {
	case ev = <-blocks:
	case <-ctx.Done():
		t.Fatal("no NewBlock event")
	}
	require.Equal(t, "tm.event='NewBlock'", ev.Query)
	nb, ok := ev.Data.(cmtypes.EventDataNewBlock)
	require.True(t, ok, "data is %T", ev.Data)
	require.Positive(t, nb.Block.Height)
	require.NotEmpty(t, ev.Events["tm.event"])

	// A full node may still be applying alice's earlier txs: read events
	// until this one's arrives, each in CometBFT's frame.
	hash := c.tx("alice", "bank", "send", "alice", c.address("bob"), "1umilk")
	for {
		select {
		case ev = <-txs:
		case <-ctx.Done():
			t.Fatalf("no Tx event for %s", hash)
		}
		require.Equal(t, query, ev.Query)
		dt, ok := ev.Data.(cmtypes.EventDataTx)
		require.True(t, ok, "data is %T", ev.Data)
		got := fmt.Sprintf("%X", cmtypes.Tx(dt.Tx).Hash())
		require.Equal(t, []string{got}, ev.Events["tx.hash"])
		if got == strings.ToUpper(hash) {
			break
		}
	}
	require.NoError(t, cl.UnsubscribeAll(ctx, "e2e"))
}

// requireBadRequestsRefused sends malformed JSON-RPC and checks each gets
// an error answer and the node keeps serving.
func requireBadRequestsRefused(t *testing.T, rpc string) {
	for name, body := range map[string]string{
		"malformed JSON":   `{"jsonrpc":"2.0","id":1,"method":`,
		"unknown method":   `{"jsonrpc":"2.0","id":1,"method":"no_such_method","params":{}}`,
		"wrong param type": `{"jsonrpc":"2.0","id":1,"method":"block","params":{"height":"ten"}}`,
		"oversize body":    `{"jsonrpc":"2.0","id":1,"method":"check_tx","params":{"tx":"` + strings.Repeat("A", 2_000_000) + `"}}`,
	} {
		resp, err := http.Post("http://"+rpc, "application/json", bytes.NewBufferString(body))
		if err == nil {
			var buf bytes.Buffer
			_, _ = buf.ReadFrom(resp.Body)
			resp.Body.Close()
			require.NotContains(t, buf.String(), `"result"`, name)
		}
	}
	var h struct {
		Result map[string]any `json:"result"`
	}
	require.NoError(t, getJSON("http://"+rpc+"/health", &h), "the node still answers")
}

// requireSubscriptionFloodBounded: one websocket connection subscribing
// past the per-client limit gets an error answer naming it, while its own
// subscriptions and another connection's keep receiving events. (Raw
// websocket: CometBFT's client sends subscribe without waiting for the
// answer, so it never sees the refusal.)
func requireSubscriptionFloodBounded(t *testing.T, rpc string) {
	flooder := dialWS(t, rpc)
	queries := []string{
		"tm.event='NewBlock'", "tm.event='NewBlockHeader'", "tm.event='Tx'",
		"tm.event='NewBlockEvents'", "tm.event='Tx' AND tx.height>0",
	}
	for i, q := range queries {
		require.Empty(t, flooder.call(t, i+1, "subscribe", q), "subscription %d of the per-client limit", i+1)
	}
	require.Contains(t, flooder.call(t, 99, "subscribe", "tm.event='NewBlock' AND block.height>0"), "max_subscriptions_per_client")

	other := dialWS(t, rpc)
	require.Empty(t, other.call(t, 1, "subscribe", "tm.event='NewBlock'"), "another connection must still subscribe")
	other.awaitEvent(t, "tm.event='NewBlock'")
	flooder.awaitEvent(t, "tm.event='NewBlock'")

	require.Empty(t, flooder.call(t, 100, "unsubscribe_all", ""))
	require.Empty(t, flooder.call(t, 101, "subscribe", "tm.event='NewBlock'"), "after unsubscribe_all the connection is under its limit again")
}

// wsConn is a raw JSON-RPC websocket connection to a node.
type wsConn struct{ conn *websocket.Conn }

type wsFrame struct {
	ID     json.RawMessage `json:"id"`
	Result struct {
		Query string `json:"query"`
	} `json:"result"`
	Error *struct {
		Data string `json:"data"`
	} `json:"error"`
}

func dialWS(t *testing.T, rpc string) *wsConn {
	conn, _, err := websocket.DefaultDialer.Dial("ws://"+rpc+"/websocket", nil)
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	return &wsConn{conn: conn}
}

// call sends method (with a query param unless empty) and returns the
// error data of its answer, "" on success; event frames read meanwhile
// are skipped.
func (w *wsConn) call(t *testing.T, id int, method, query string) string {
	params := map[string]string{}
	if query != "" {
		params["query"] = query
	}
	require.NoError(t, w.conn.WriteJSON(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
	for {
		f := w.read(t)
		if string(f.ID) != strconv.Itoa(id) || f.Result.Query != "" {
			continue
		}
		if f.Error != nil {
			return f.Error.Data
		}
		return ""
	}
}

// awaitEvent reads until an event frame of query arrives.
func (w *wsConn) awaitEvent(t *testing.T, query string) {
	for w.read(t).Result.Query != query {
	}
}

func (w *wsConn) read(t *testing.T) wsFrame {
	require.NoError(t, w.conn.SetReadDeadline(time.Now().Add(60*time.Second)))
	var f wsFrame
	require.NoError(t, w.conn.ReadJSON(&f))
	return f
}
