package cmd

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/pprof"
	"strings"
	"time"

	"cosmossdk.io/log"
	cmtcfg "github.com/cometbft/cometbft/config"
	cmtlog "github.com/cometbft/cometbft/libs/log"
	rpcclient "github.com/cometbft/cometbft/rpc/client"
	rpcserver "github.com/cometbft/cometbft/rpc/jsonrpc/server"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/server/api"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	servergrpc "github.com/cosmos/cosmos-sdk/server/grpc"
	servercmtlog "github.com/cosmos/cosmos-sdk/server/log"
	rollnode "github.com/rollkit/rollkit/node"
	"golang.org/x/sync/errgroup"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/cometrpc"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
	"github.com/milkyway-labs/milkyway-rollup/sequencer/txforward"
)

// serveRPC serves rollkit's CometBFT-style JSON-RPC, the status route and
// the fraud reports route, with config.toml's [rpc] limits. On a full node
// (forwardTo set or not) the broadcast calls go to the sequencer.
func serveRPC(ctx context.Context, g *errgroup.Group, rpcCfg *cmtcfg.RPCConfig, node rollnode.Node, client rpcclient.Client, status rollupnode.StatusSource, fraudReports http.Handler, forwardTo string, logger log.Logger) error {
	laddr := rpcCfg.ListenAddress
	serverCfg := rpcServerConfig(rpcCfg)
	cmtLogger := servercmtlog.CometLoggerWrapper{Logger: logger.With("module", "rpc-server")}
	// CometBFT's own JSON-RPC server (body limits, panic recovery, param
	// parsing, websocket frames) over rollkit's client.
	handler := rpcserver.PreChecksHandler(
		rpcserver.RecoverAndLogHandler(rpcRoutes(node, client, status.Role, laddr, cmtLogger).Handler(), cmtLogger),
		serverCfg)
	if status.Role == rollupnode.RoleFullNode {
		handler = txforward.Handler(handler, forwardTo, flagSequencerRPC)
	}
	mux := http.NewServeMux()
	mux.Handle(rollupnode.StatusPath, status.Handler())
	mux.Handle(fraud.ReportsPath, fraudReports)
	mux.Handle("/", handler)
	ln, err := rpcserver.Listen(laddr, serverCfg.MaxOpenConnections)
	if err != nil {
		return fmt.Errorf("RPC cannot listen on %s: %w; pick another --rpc.laddr", laddr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: serverCfg.ReadTimeout,
		WriteTimeout: serverCfg.WriteTimeout, MaxHeaderBytes: serverCfg.MaxHeaderBytes}
	serveUntilDone(ctx, g, srv, ln)
	logger.Info("RPC listening", "addr", laddr)
	return nil
}

// rpcRoutes answers CometBFT's routes from client (the node's, unless
// indexing is off: start_index.go); a sequencer's broadcasts go straight
// into its mempool, without rollkit's tx gossip.
func rpcRoutes(node rollnode.Node, client rpcclient.Client, role, laddr string, logger cmtlog.Logger) *cometrpc.Server {
	srv := cometrpc.New(client, laddr, logger)
	if full, ok := node.(*rollnode.FullNode); ok && role == rollupnode.RoleSequencer {
		srv.WithMempool(full.Mempool)
	}
	return srv
}

// rpcServerConfig is CometBFT's RPC server configuration from config.toml,
// as a CometBFT node builds it: request body and header limits, the JSON-RPC
// batch limit, and a write timeout that outlasts broadcast_tx_commit.
func rpcServerConfig(c *cmtcfg.RPCConfig) *rpcserver.Config {
	cfg := rpcserver.DefaultConfig()
	cfg.MaxBodyBytes = c.MaxBodyBytes
	cfg.MaxHeaderBytes = c.MaxHeaderBytes
	cfg.MaxRequestBatchSize = c.MaxRequestBatchSize
	cfg.MaxOpenConnections = c.MaxOpenConnections
	if cfg.WriteTimeout <= c.TimeoutBroadcastTxCommit {
		cfg.WriteTimeout = c.TimeoutBroadcastTxCommit + time.Second
	}
	return cfg
}

// serveGRPCAndAPI starts the SDK gRPC and REST servers as app.toml says.
func serveGRPCAndAPI(ctx context.Context, g *errgroup.Group, svrCtx *server.Context, clientCtx client.Context, application *app.App, logger log.Logger) error {
	conf, err := serverconfig.GetConfig(svrCtx.Viper)
	if err != nil {
		return err
	}
	application.RegisterTxService(clientCtx)
	application.RegisterTendermintService(clientCtx)
	application.RegisterNodeService(clientCtx, conf)
	if !conf.GRPC.Enable {
		return nil
	}
	grpcSrv, err := servergrpc.NewGRPCServer(clientCtx, application, conf.GRPC)
	if err != nil {
		return err
	}
	g.Go(func() error {
		return servergrpc.StartGRPCServer(ctx, logger.With("module", "grpc-server"), conf.GRPC, grpcSrv)
	})
	if conf.API.Enable {
		apiSrv := api.New(clientCtx, logger.With("module", "api-server"), grpcSrv)
		application.RegisterAPIRoutes(apiSrv, conf.API)
		g.Go(func() error { return apiSrv.Start(ctx, conf) })
	}
	return nil
}

// servePprof serves Go's profiler on config.toml's rpc.pprof_laddr, as a
// CometBFT node does, so an operator can profile a loaded sequencer with
// `go tool pprof http://ADDR/debug/pprof/profile`. An address already in
// use (a second node on the machine keeps the default) costs a warning,
// not the node.
func servePprof(ctx context.Context, g *errgroup.Group, laddr string, logger log.Logger) {
	if laddr == "" {
		return
	}
	ln, err := net.Listen("tcp", strings.TrimPrefix(laddr, "tcp://"))
	if err != nil {
		logger.Warn("pprof is off: cannot listen on rpc.pprof_laddr", "addr", laddr, "err", err)
		return
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/cmdline", pprof.Cmdline)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	serveUntilDone(ctx, g, srv, ln)
	logger.Info("pprof listening", "addr", laddr)
}

// serveUntilDone serves srv on ln in g until ctx ends.
func serveUntilDone(ctx context.Context, g *errgroup.Group, srv *http.Server, ln net.Listener) {
	g.Go(func() error {
		<-ctx.Done()
		return srv.Close()
	})
	g.Go(func() error {
		if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			return err
		}
		return nil
	})
}
