package e2e

import (
	"encoding/json"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestFullNodeForwardsTransactions: a wallet that only knows a DA-only full
// node broadcasts through it; the full node hands the transaction to the
// sequencer, answers with the sequencer's CheckTx result, and the
// transaction lands in a block both nodes have. Without a sequencer to
// forward to, or with the sequencer down, the broadcast fails at once with
// an error that says why, instead of waiting on a mempool nobody reads.
func TestFullNodeForwardsTransactions(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob")
	c.startDA()
	c.startSequencer()
	c.startFullNode("--rollup.sequencer_rpc", "tcp://"+c.seqRPC)
	waitFor(t, 60*time.Second, "the full node to sync", func() bool { return c.height(c.fullRPC) >= 1 })

	bob := c.address("bob")
	send := func() (string, error) {
		return c.tryCLI("tx", "bank", "send", "alice", bob, "4242umilk", "--chain-id", chainID,
			"--keyring-backend", "test", "--home", c.home("sequencer"), "--fees", "5000umilk",
			"--node", "tcp://"+c.fullRPC, "-y", "-o", "json")
	}
	out, err := send()
	require.NoError(t, err)
	var res struct {
		Code   uint32 `json:"code"`
		TxHash string `json:"txhash"`
	}
	require.NoError(t, json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &res), out)
	require.Zero(t, res.Code, out)
	var height int64
	waitFor(t, 60*time.Second, "the forwarded tx on the full node", func() bool {
		var ok bool
		height, ok = txHeight(c.fullRPC, res.TxHash)
		return ok
	})
	seqHeight, ok := txHeight(c.seqRPC, res.TxHash)
	require.True(t, ok, "the sequencer included it")
	require.Equal(t, seqHeight, height)
	require.Equal(t, "1000000004242", c.balance(c.fullRPC, bob, "umilk"))

	// The sequencer is down: the full node says so.
	c.kill(c.seq, syscall.SIGTERM)
	_, err = send()
	require.ErrorContains(t, err, "could not reach the sequencer at http://"+c.seqRPC)

	// A full node started without a sequencer refuses and names the flag.
	c.kill(c.full, syscall.SIGTERM)
	c.startFullNode()
	_, err = send()
	require.ErrorContains(t, err, "--rollup.sequencer_rpc")
}
