package gateway_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/cometbft/cometbft/crypto/ed25519"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/rollkit/go-da/proxy/jsonrpc"
	rollkittypes "github.com/rollkit/rollkit/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
	"github.com/milkyway-labs/milkyway-rollup/da/mockda"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
)

// emptyStore is rollkit's store on a node that has applied nothing yet.
type emptyStore struct{}

func (emptyStore) Height() uint64 { return 0 }
func (emptyStore) GetBlock(context.Context, uint64) (*rollkittypes.Block, error) {
	return nil, errors.New("no blocks")
}
func (emptyStore) GetState(context.Context) (rollkittypes.State, error) {
	return rollkittypes.State{}, errors.New("no state")
}

// TestGatewayStopsAtEquivocation runs the gateway with the fraud detector
// in front of a mock DA. A forged block for height 1 is dropped and is no
// fraud; a second block for height 1 signed by the sequencer is: the node
// gets a report and from then on no block at or above height 1.
func TestGatewayStopsAtEquivocation(t *testing.T) {
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
	dir := t.TempDir()
	detector, err := fraud.NewDetector(fraud.Config{
		Dir: dir, ChainID: chainID, Sequencer: seqKey.PubKey().Address(), Namespace: "6d696c6b79776179",
		Store: emptyStore{}, Logger: log.NewNopLogger(),
	})
	require.NoError(t, err)
	gw.Watch(detector)
	url, err := gw.Listen("127.0.0.1:0")
	require.NoError(t, err)
	defer gw.Close()
	client, err := jsonrpc.NewClient(ctx, url, "")
	require.NoError(t, err)
	defer client.Close()
	namespace, err := da.ParseNamespace("6d696c6b79776179")
	require.NoError(t, err)
	ns := namespace.Bytes()

	block := func(h uint64, key ed25519.PrivKey, tx string) []byte {
		return gatewaytest.Blob(gatewaytest.Block(gatewaytest.BlockSpec{
			ChainID: chainID, Height: h, Key: key, Proposer: seqKey.PubKey().Address(), Txs: [][]byte{[]byte(tx)},
		}))
	}
	submit := func(blobs ...[]byte) (uint64, [][]byte) {
		ids, err := celestia.New("http://"+upstream.Addr(), "").Submit(ctx, blobs, -1, ns) // as the sequencer would, not via this gateway
		require.NoError(t, err)
		height, _, err := da.SplitID(ids[0])
		require.NoError(t, err)
		return height, ids
	}

	first, ids := submit(block(1, seqKey, "a"), block(1, forger, "forged"), block(2, seqKey, "b"))
	got, err := client.DA.GetIDs(ctx, first, ns)
	require.NoError(t, err)
	require.Equal(t, [][]byte{ids[0], ids[2]}, got, "the forgery is dropped, not reported")
	require.Empty(t, detector.Reports())

	second, _ := submit(block(1, seqKey, "other"), block(3, seqKey, "c"))
	got, err = client.DA.GetIDs(ctx, second, ns)
	require.NoError(t, err)
	require.Empty(t, got, "nothing at or above the equivocating height reaches rollkit")

	reports, err := fraud.List(dir)
	require.NoError(t, err)
	require.Len(t, reports, 1)
	require.Equal(t, fraud.KindEquivocation, reports[0].Kind)
	require.Equal(t, uint64(1), reports[0].Height)
	require.Equal(t, []uint64{first, second}, []uint64{reports[0].Headers[0].DAHeight, reports[0].Headers[1].DAHeight})
	require.Equal(t, &fraud.HaltStatus{HaltHeight: 1, Reports: 1, HighestWithheldHeight: 3, ReportsPath: fraud.ReportsPath}, detector.Status())
	require.Equal(t, uint64(2), gw.IncludedHeight(), "withheld blocks do not count as read")
}
