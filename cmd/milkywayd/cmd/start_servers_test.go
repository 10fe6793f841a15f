package cmd

import (
	"testing"
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"
	"github.com/stretchr/testify/require"
)

// The RPC server takes its limits from config.toml's [rpc], as a CometBFT
// node does: a node that ignored them refused txs over 1 MB whatever
// max_body_bytes said, and JSON-RPC batches over 10.
func TestRPCServerConfigFollowsConfigToml(t *testing.T) {
	c := cmtcfg.DefaultRPCConfig()
	c.MaxBodyBytes = 8 << 20
	c.MaxHeaderBytes = 4096
	c.MaxRequestBatchSize = 64
	c.MaxOpenConnections = 5
	c.TimeoutBroadcastTxCommit = 30 * time.Second
	got := rpcServerConfig(c)
	require.Equal(t, int64(8<<20), got.MaxBodyBytes)
	require.Equal(t, 4096, got.MaxHeaderBytes)
	require.Equal(t, 64, got.MaxRequestBatchSize)
	require.Equal(t, 5, got.MaxOpenConnections)
	require.Greater(t, got.WriteTimeout, c.TimeoutBroadcastTxCommit, "broadcast_tx_commit can answer before the write deadline")
}
