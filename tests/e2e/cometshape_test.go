package e2e

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/abci/example/kvstore"
	cmtcfg "github.com/cometbft/cometbft/config"
	cmtlog "github.com/cometbft/cometbft/libs/log"
	nm "github.com/cometbft/cometbft/node"
	"github.com/cometbft/cometbft/p2p"
	"github.com/cometbft/cometbft/privval"
	"github.com/cometbft/cometbft/proxy"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// TestRPCShapesMatchCometBFT asks a real CometBFT v0.38 node (in-process,
// with CometBFT's kvstore app) and both rollup nodes the same RPC calls and
// requires every field CometBFT answers with to be in the rollup's answer,
// at the same path with the same JSON type: what a strict decoder of
// CometBFT's responses (CosmJS, the Go relayer, explorers) relies on.
func TestRPCShapesMatchCometBFT(t *testing.T) {
	comet := startCometBFT(t)

	c := newCluster(t)
	c.initChain("alice")
	c.startDA()
	c.startSequencer()
	c.startFullNode()
	ourTx := c.tx("alice", "bank", "send", "alice", c.address("alice"), "1umilk")
	c.txResult(ourTx)
	ourHeight, _ := txHeight(c.seqRPC, ourTx)
	waitFor(t, 60*time.Second, "the full node to pass the tx's block", func() bool { return c.height(c.fullRPC) > ourHeight+1 })

	var sent struct {
		Result struct {
			Hash string `json:"hash"`
		} `json:"result"`
	}
	require.NoError(t, getJSON("http://"+comet+`/broadcast_tx_commit?tx="shape=test"`, &sent))
	// broadcast_tx_commit answers once the tx is committed; CometBFT's
	// indexer writes it from another goroutine, so /tx finds it a moment
	// later (CI caught the gap once).
	var cometTxHeight int64
	waitFor(t, 30*time.Second, "CometBFT to index the committed tx", func() bool {
		h, ok := txHeight(comet, sent.Result.Hash)
		cometTxHeight = h
		return ok
	})
	waitFor(t, 60*time.Second, "CometBFT to pass the tx's block", func() bool { return c.height(comet) > cometTxHeight+1 })

	calls := func(height int64, txHash, blockHash string) []string {
		h := fmt.Sprint(height)
		return []string{
			"status", "abci_info", "health", "net_info", "num_unconfirmed_txs", "unconfirmed_txs",
			"genesis_chunked?chunk=0", "consensus_params?height=" + h,
			"block?height=" + h, "block_by_hash?hash=0x" + blockHash, "header?height=" + h, "header_by_hash?hash=0x" + blockHash,
			"blockchain?minHeight=1&maxHeight=" + h, "commit?height=" + h, "validators?height=" + h,
			"block_results?height=" + h, "tx?hash=0x" + txHash,
			`tx_search?query="tx.height=` + h + `"`, `block_search?query="block.height=` + h + `"`,
			`abci_query?path="/app/version"`, "check_tx?tx=0x00",
		}
	}
	cometBlock, err := c.blockHash(comet, cometTxHeight)
	require.NoError(t, err)
	ourBlock, err := c.blockHash(c.seqRPC, ourHeight)
	require.NoError(t, err)
	theirs := calls(cometTxHeight, sent.Result.Hash, cometBlock)
	ours := calls(ourHeight, ourTx, ourBlock)
	var gaps []string
	for _, node := range []string{c.seqRPC, c.fullRPC} {
		for i := range theirs {
			want := shapeOf(t, comet, theirs[i])
			got := shapeOf(t, node, ours[i])
			var missing []string
			for path, typ := range want {
				if gotTyp, ok := got[path]; !ok {
					if omittedWhenZero(path) {
						continue
					}
					missing = append(missing, path+" ("+typ+")")
				} else if gotTyp != typ && gotTyp != "null" && typ != "null" {
					missing = append(missing, fmt.Sprintf("%s is %s, CometBFT sends %s", path, gotTyp, typ))
				}
			}
			sort.Strings(missing)
			if len(missing) > 0 {
				gaps = append(gaps, fmt.Sprintf("%s on %s: %s", ours[i], node, strings.Join(missing, ", ")))
			}
		}
	}
	require.Empty(t, gaps, "fields CometBFT sends that the rollup's answer lacks")
}

// omittedWhenZero: fields CometBFT itself leaves out when they are zero or
// empty (`omitempty` in its JSON), so decoders already cope without them.
// The rollup's app version is 0, as on most SDK chains, and its ABCI info
// carries no version string.
func omittedWhenZero(path string) bool {
	for _, suffix := range []string{"header.version.app", "response.app_version", "response.version"} {
		if strings.HasSuffix(path, suffix) {
			return true
		}
	}
	return false
}

// startCometBFT runs a one-validator CometBFT node with the kvstore app in
// this process and returns its RPC host:port.
func startCometBFT(t *testing.T) string {
	t.Helper()
	// Not t.TempDir: CometBFT's address book can still be written into
	// config/ while the test's directory cleanup runs, which then fails the
	// test. The directory is removed after the node has stopped.
	dir, err := os.MkdirTemp("", "cometbft-shape-")
	require.NoError(t, err)
	// Registered first, so it runs after the node's stop below.
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	// CometBFT's own test config, but not at 100 blocks a second: at that
	// pace its consensus_params for its latest height is not saved yet.
	cfg := cmtcfg.TestConfig().SetRoot(dir)
	cfg.Consensus.TimeoutCommit = 300 * time.Millisecond
	cmtcfg.EnsureRoot(dir)
	pv := privval.GenFilePV(cfg.PrivValidatorKeyFile(), cfg.PrivValidatorStateFile())
	pv.Save()
	pub, err := pv.GetPubKey()
	require.NoError(t, err)
	gen := cmtypes.GenesisDoc{
		ChainID: "comet-shape", GenesisTime: time.Now(), ConsensusParams: cmtypes.DefaultConsensusParams(),
		Validators: []cmtypes.GenesisValidator{{Address: pub.Address(), PubKey: pub, Power: 10}},
	}
	require.NoError(t, gen.SaveAs(cfg.GenesisFile()))
	rpc := freeAddr(t)
	cfg.RPC.ListenAddress = "tcp://" + rpc
	cfg.P2P.ListenAddress = "tcp://" + freeAddr(t)
	cfg.RPC.GRPCListenAddress = ""
	nodeKey, err := p2p.LoadOrGenNodeKey(cfg.NodeKeyFile())
	require.NoError(t, err)
	node, err := nm.NewNode(cfg, pv, nodeKey, proxy.NewLocalClientCreator(kvstore.NewInMemoryApplication()),
		nm.DefaultGenesisDocProviderFunc(cfg), cmtcfg.DefaultDBProvider,
		nm.DefaultMetricsProvider(cfg.Instrumentation), cmtlog.NewNopLogger())
	require.NoError(t, err)
	require.NoError(t, node.Start())
	t.Cleanup(func() { _ = node.Stop(); node.Wait() })
	waitFor(t, 60*time.Second, "CometBFT to make blocks", func() bool { return nodetest.Height(rpc) >= 2 })
	return rpc
}

// shapeOf GETs an RPC call and returns the JSON type at every path of its
// answer ("result.block.header.height" -> "string"); array elements share
// the path "[]".
func shapeOf(t *testing.T, rpc, call string) map[string]string {
	t.Helper()
	var body any
	require.NoError(t, getJSON("http://"+rpc+"/"+call, &body), call)
	out := map[string]string{}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			out[path] = "object"
			for k, e := range v {
				walk(strings.TrimPrefix(path+"."+k, "."), e)
			}
		case []any:
			out[path] = "array"
			for _, e := range v {
				walk(path+"[]", e)
			}
		case string:
			out[path] = "string"
		case float64:
			out[path] = "number"
		case bool:
			out[path] = "bool"
		case nil:
			out[path] = "null"
		}
	}
	walk("", body)
	delete(out, "")
	if _, isErr := out["error"]; isErr {
		t.Fatalf("%s on %s answered an error: %v", call, rpc, body)
	}
	return out
}
