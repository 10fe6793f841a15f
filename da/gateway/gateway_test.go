package gateway_test

import (
	"context"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/rollkit/go-da/proxy/jsonrpc"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
	"github.com/milkyway-labs/milkyway-rollup/da/mockda"
)

// TestGatewayScreensForgedBlobs drives the gateway over its JSON-RPC
// listener, in front of a running mock DA: a forged and a junk blob are in
// the same DA block as a genuine one, and only the genuine one comes out.
func TestGatewayScreensForgedBlobs(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	upstream, err := mockda.New(mockda.Config{Home: t.TempDir(), ListenAddress: "127.0.0.1:0", BlockTime: 20 * time.Millisecond}, nil)
	require.NoError(t, err)
	require.NoError(t, upstream.Start(ctx))
	defer upstream.Stop()

	seqKey, forger := ed25519.GenPrivKey(), ed25519.GenPrivKey()
	gw := gateway.New(celestia.New("http://"+upstream.Addr(), ""), gateway.NewBlockVerifier(chainID, cmtypes.GenesisValidator{
		Address: seqKey.PubKey().Address(), PubKey: seqKey.PubKey(), Power: 1,
	}), log.NewNopLogger())
	url, err := gw.Listen("127.0.0.1:0")
	require.NoError(t, err)
	defer gw.Close()
	client, err := jsonrpc.NewClient(ctx, url, "")
	require.NoError(t, err)
	defer client.Close()

	namespace, err := da.ParseNamespace("6d696c6b79776179")
	require.NoError(t, err)
	ns := namespace.Bytes()
	genuine := gatewaytest.Blob(gatewaytest.Block(gatewaytest.BlockSpec{ChainID: chainID, Height: 1, Key: seqKey}))
	forged := gatewaytest.Blob(gatewaytest.Block(gatewaytest.BlockSpec{ChainID: chainID, Height: 1, Key: forger, Proposer: seqKey.PubKey().Address()}))
	ids, err := client.DA.Submit(ctx, [][]byte{forged, []byte("junk"), genuine}, -1, ns)
	require.NoError(t, err)
	require.Len(t, ids, 3)
	height, _, err := da.SplitID(ids[0])
	require.NoError(t, err)

	got, err := client.DA.GetIDs(ctx, height, ns)
	require.NoError(t, err)
	require.Equal(t, [][]byte{ids[2]}, got)
	blobs, err := client.DA.Get(ctx, got, ns)
	require.NoError(t, err)
	require.Equal(t, [][]byte{genuine}, blobs)
	require.Equal(t, uint64(1), gw.IncludedHeight())
}
