package e2e

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	"github.com/stretchr/testify/require"
)

// TestTransferReachesFullNode sends a bank transfer through the sequencer
// with the CLI and checks that the DA-only full node reports the same
// balance and the same app hash at the same height. The full node keeps
// no tx index (config.toml [tx_index] indexer = "null"): it verifies all
// the same, and its RPC says indexing is off where the sequencer's finds
// the transfer.
func TestTransferReachesFullNode(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob")
	c.setConfig("fullnode", "indexer", `"null"`)
	c.startDA()
	c.startSequencer()
	c.startFullNode()

	bob := c.address("bob")
	out := c.cli("tx", "bank", "send", "alice", bob, "12345umilk", "--chain-id", chainID,
		"--keyring-backend", "test", "--home", c.home("sequencer"), "--fees", "1000umilk",
		"--node", "tcp://"+c.seqRPC, "-y", "-o", "json")
	var res struct {
		Code   uint32 `json:"code"`
		TxHash string `json:"txhash"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	require.Zero(t, res.Code, out)

	for _, rpc := range []string{c.seqRPC, c.fullRPC} {
		waitFor(t, 60*time.Second, "bob's balance on "+rpc, func() bool {
			return c.balance(rpc, bob, "umilk") == "1000000012345"
		})
	}
	h := c.requireSameAppHash()
	t.Logf("full node matched the sequencer's app hash at height %d", h)
	requireIndexedOnlyOnSequencer(t, c, res.TxHash)

	st := c.status(c.fullRPC)
	require.Equal(t, "full-node", st["role"])
	require.GreaterOrEqual(t, st["da_included_height"].(float64), float64(h))

	var seqStatus struct {
		Role       string `json:"role"`
		Latest     int64  `json:"latest_height"`
		DAIncluded int64  `json:"da_included_height"`
	}
	out = c.cli("rollup-status", "--node", "tcp://"+c.seqRPC)
	require.NoError(t, json.Unmarshal([]byte(out), &seqStatus), out)
	require.Equal(t, "sequencer", seqStatus.Role)
	require.GreaterOrEqual(t, seqStatus.Latest, h)
	require.LessOrEqual(t, seqStatus.DAIncluded, seqStatus.Latest)
}

// requireIndexedOnlyOnSequencer looks the tx up with CometBFT's own RPC
// client on both nodes.
func requireIndexedOnlyOnSequencer(t *testing.T, c *cluster, txHash string) {
	hash, err := hex.DecodeString(txHash)
	require.NoError(t, err)
	ctx := context.Background()
	seq, err := rpchttp.New("http://"+c.seqRPC, "/websocket")
	require.NoError(t, err)
	found, err := seq.Tx(ctx, hash, false)
	require.NoError(t, err)
	require.Zero(t, found.TxResult.Code)

	full, err := rpchttp.New("http://"+c.fullRPC, "/websocket")
	require.NoError(t, err)
	_, err = full.Tx(ctx, hash, false)
	require.ErrorContains(t, err, "transaction indexing is disabled")
	_, err = full.TxSearch(ctx, fmt.Sprintf("tx.height=%d", found.Height), false, nil, nil, "")
	require.ErrorContains(t, err, "transaction indexing is disabled")
	_, err = full.BlockSearch(ctx, fmt.Sprintf("block.height=%d", found.Height), nil, nil, "")
	require.ErrorContains(t, err, "block indexing is disabled")
}

func (c *cluster) balance(rpc, addr, denom string) string {
	out := c.cli("query", "bank", "balance", addr, denom, "--node", "tcp://"+rpc, "-o", "json")
	var res struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	require.NoError(c.t, json.Unmarshal([]byte(out), &res), out)
	return res.Balance.Amount
}
