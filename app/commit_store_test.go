package app_test

import (
	"context"
	"net"
	"strconv"
	"testing"
	"time"

	"cosmossdk.io/log"
	"cosmossdk.io/store/metrics"
	"cosmossdk.io/store/rootmulti"
	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	"github.com/cosmos/cosmos-sdk/testutil/testdata"
	sdk "github.com/cosmos/cosmos-sdk/types"
	grpctypes "github.com/cosmos/cosmos-sdk/types/grpc"
	"github.com/cosmos/gogoproto/grpc"
	"github.com/stretchr/testify/require"
	gogrpc "google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/test/bufconn"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/app/lazystore"
)

// sdkStore gives the app the SDK's own commit multistore, whose branches
// cache every store.
func sdkStore(db dbm.DB) []func(*baseapp.BaseApp) {
	return []func(*baseapp.BaseApp){func(b *baseapp.BaseApp) {
		b.SetCMS(rootmulti.NewStore(db, log.NewNopLogger(), metrics.NewNoOpMetrics()))
	}}
}

// The app's lazy branches (app/lazystore) give the blocks the SDK's store
// gives: the same codes, gas and app hash, with txs that pass, fail in
// their messages (whose branch is dropped) and fail in the ante handler;
// and the same commit info, block time included.
func TestLazyBranchesGiveTheSDKsBlocks(t *testing.T) {
	key := secp256k1.GenPrivKey()
	fund := fundedGenesis(t, key)
	lazy, t0 := startedApp(t, "lazy-1", fund)
	plain, _ := startedAppWith(t, "lazy-1", sdkStore, fund)
	_, isLazy := lazy.CommitMultiStore().(lazystore.Root)
	require.True(t, isLazy)
	_, isPlain := plain.CommitMultiStore().(*rootmulti.Store)
	require.True(t, isPlain)

	seq := uint64(0)
	for height := int64(2); height <= 4; height++ {
		var txs [][]byte
		for i := 0; i < 4; i++ {
			txs = append(txs, signedSend(t, lazy.TxConfig(), "lazy-1", key, seq, 1))
			seq++
		}
		txs = append(txs,
			signedSend(t, lazy.TxConfig(), "lazy-1", key, seq, 5_000_000),  // more than the balance: fails in the send
			signedSend(t, lazy.TxConfig(), "another-chain", key, seq+1, 1), // a bad signature: fails in the ante handler
		)
		seq++ // the failed send used its sequence
		block := &abci.RequestFinalizeBlock{Height: height, Time: t0.Add(time.Duration(height) * time.Minute), Txs: txs}
		want := finalizeAndCommit(t, plain.BaseApp.FinalizeBlock, plain, block)
		got := finalizeAndCommit(t, lazy.FinalizeBlock, lazy, block)
		requireSameBlock(t, want, got)
		require.NotZero(t, got.TxResults[4].Code)
		require.NotZero(t, got.TxResults[5].Code)

		wantInfo, err := plain.CommitMultiStore().(*rootmulti.Store).GetCommitInfo(height)
		require.NoError(t, err)
		gotInfo, err := lazy.CommitMultiStore().(lazystore.Root).GetCommitInfo(height)
		require.NoError(t, err)
		require.Equal(t, block.Time, gotInfo.Timestamp.UTC(), "the commit info's time")
		require.Equal(t, wantInfo, gotInfo)
	}
}

// blockTimeEcho answers Echo with the block height and time its query
// context has.
type blockTimeEcho struct{ testdata.QueryImpl }

func (blockTimeEcho) Echo(ctx context.Context, _ *testdata.EchoRequest) (*testdata.EchoResponse, error) {
	c := sdk.UnwrapSDKContext(ctx)
	return &testdata.EchoResponse{Message: strconv.FormatInt(c.BlockHeight(), 10) + " " + c.BlockTime().UTC().Format(time.RFC3339)}, nil
}

// A query at a past height runs with that height's block time, as BaseApp
// gives it on the SDK's store, over ABCI and over the gRPC server. A
// query registered past the app's module query server shows why it is
// there: BaseApp gives it the latest block's time.
func TestQueriesAtAPastHeightSeeItsBlockTime(t *testing.T) {
	a, t0 := startedApp(t, "times-1")
	unwrapped, _ := startedApp(t, "times-1")
	for _, srv := range []struct {
		a      *app.App
		server grpc.Server
	}{{a, a.ModuleQueryServer()}, {unwrapped, unwrapped.GRPCQueryRouter()}} {
		testdata.RegisterQueryServer(srv.server, blockTimeEcho{})
		for height := int64(2); height <= 3; height++ {
			finalizeAndCommit(t, srv.a.FinalizeBlock, srv.a, &abci.RequestFinalizeBlock{Height: height, Time: t0.Add(time.Duration(height) * time.Hour)})
		}
	}
	blockTime := func(height int64) string {
		if height == 1 {
			return t0.Add(time.Second).Format(time.RFC3339) // startedApp's first block
		}
		return t0.Add(time.Duration(height) * time.Hour).Format(time.RFC3339)
	}

	abciEcho := func(a *app.App, height int64) string {
		req, err := (&testdata.EchoRequest{}).Marshal()
		require.NoError(t, err)
		res, err := a.Query(context.Background(), &abci.RequestQuery{Path: "/testpb.Query/Echo", Data: req, Height: height})
		require.NoError(t, err)
		require.Zero(t, res.Code, res.Log)
		var echo testdata.EchoResponse
		require.NoError(t, echo.Unmarshal(res.Value))
		return echo.Message
	}
	grpcEcho := grpcEchoClient(t, a)
	for _, height := range []int64{1, 2, 3} {
		want := strconv.FormatInt(height, 10) + " " + blockTime(height)
		require.Equal(t, want, abciEcho(a, height), "ABCI query at %d", height)
		require.Equal(t, want, grpcEcho(height), "gRPC query at %d", height)
	}
	require.Equal(t, "3 "+blockTime(3), abciEcho(a, 0), "the latest height")
	require.Equal(t, "1 "+blockTime(3), abciEcho(unwrapped, 1), "BaseApp alone, on the lazy store")
}

// grpcEchoClient serves a's queries on BaseApp's gRPC server and returns
// a function that asks Echo at a height, as a gRPC client does.
func grpcEchoClient(t *testing.T, a *app.App) func(height int64) string {
	t.Helper()
	listener := bufconn.Listen(1 << 20)
	server := gogrpc.NewServer()
	a.RegisterGRPCServer(server)
	go func() { _ = server.Serve(listener) }()
	t.Cleanup(server.Stop)
	conn, err := gogrpc.NewClient("passthrough:///app", gogrpc.WithTransportCredentials(insecure.NewCredentials()),
		gogrpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return listener.DialContext(ctx) }))
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	client := testdata.NewQueryClient(conn)
	return func(height int64) string {
		ctx := metadata.AppendToOutgoingContext(context.Background(), grpctypes.GRPCBlockHeightHeader, strconv.FormatInt(height, 10))
		res, err := client.Echo(ctx, &testdata.EchoRequest{})
		require.NoError(t, err)
		return res.Message
	}
}
