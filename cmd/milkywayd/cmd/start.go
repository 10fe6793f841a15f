package cmd

import (
	"context"
	"errors"
	"fmt"
	"net"
	"path/filepath"
	"strings"

	"cosmossdk.io/log"
	cmtcfg "github.com/cometbft/cometbft/config"
	"github.com/cometbft/cometbft/p2p"
	"github.com/cometbft/cometbft/proxy"
	cmtypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/server"
	servercmtlog "github.com/cosmos/cosmos-sdk/server/log"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/x/crisis"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	golog "github.com/ipfs/go-log/v2"
	rollconf "github.com/rollkit/rollkit/config"
	rollnode "github.com/rollkit/rollkit/node"
	rolltypes "github.com/rollkit/rollkit/types"
	"github.com/spf13/cobra"
	"golang.org/x/sync/errgroup"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
)

// Defaults for the DA connection: the embedded mock DA of the devnet and
// the chain's namespace (v0 id "milkyway").
const (
	defaultDAAddress   = "http://127.0.0.1:7980"
	defaultDANamespace = "6d696c6b79776179" // "milkyway"
)

func addStartFlags(cmd *cobra.Command) {
	rollconf.AddFlags(cmd)
	crisis.AddModuleInitFlags(cmd)
	addForwardingFlag(cmd)
	addMetricsFlags(cmd)
	addDABlobFlags(cmd)
	addLaneFlags(cmd)
	// Friendlier defaults than rollkit's (which point at a port nothing
	// listens on by default).
	_ = cmd.Flags().Set(rollconf.FlagDAAddress, defaultDAAddress)
	cmd.Flags().Lookup(rollconf.FlagDAAddress).DefValue = defaultDAAddress
	_ = cmd.Flags().Set(rollconf.FlagDANamespace, defaultDANamespace)
	cmd.Flags().Lookup(rollconf.FlagDANamespace).DefValue = defaultDANamespace
	cmd.Flags().Lookup(rollconf.FlagDANamespace).Usage = "DA namespace: 58 hex chars (29-byte Celestia namespace) or up to 20 hex chars of a v0 namespace id"
	cmd.Long = `Run the rollup node in-process with rollkit.

As the sequencer (--rollkit.aggregator) it orders transactions, produces a
block every --rollkit.block_time, and posts blocks to the DA layer. Blocks
that the DA does not take yet stay pending and are retried; block production
pauses when --rollkit.max_pending_blocks is reached (0 = no limit).

As a full node (default) it reads blocks from the DA layer alone, checks each
one against the genesis sequencer (signature, validator set, data hash),
re-executes it and compares the app hash. It also watches for sequencer
fraud: two different blocks signed by the sequencer for one height, or a
header claiming another app hash than the node computed. On fraud it writes
a report to <home>/data/fraud, logs it at ERROR and stops following the
sequencer: no block at or above the fraud's height is applied any more (the
node keeps serving queries on the state it has), also after a restart, until
the report files are removed.

DA layer:
  mock DA (devnet):  --rollkit.da_address http://127.0.0.1:7980
  Celestia node:     --rollkit.da_address http://<light-node>:26658 \
                     --rollkit.da_auth_token <token> \
                     --rollkit.da_namespace <58 hex chars> --rollkit.da_start_height <h>
  Both are spoken to with celestia-node's blob API (blob.Submit, blob.GetAll,
  ...). --rollkit.da_gas_price above 0 sets the blob gas price (utia/gas);
  the default -1 lets the node choose it.

Servers: CometBFT-style RPC on --rpc.laddr (plus GET /sequencer_status and
GET /fraud_reports), gRPC and REST as set in app.toml. A full node answers
queries from the blocks it verified and forwards broadcast_tx_* calls to the
sequencer named by --rollup.sequencer_rpc, so wallets and relayers can use
it for everything.`
}

// startRollupNode is milkywayd's start handler: it builds the app on pebble,
// reconciles it with rollkit's store after a crash, and runs rollkit with
// the DA gateway, the RPC, gRPC and REST servers until interrupted.
func startRollupNode(svrCtx *server.Context, clientCtx client.Context, appCreator servertypes.AppCreator, _ bool, _ server.StartCmdOptions) error {
	cfg := svrCtx.Config
	logger := svrCtx.Logger
	// Quiet go-jsonrpc, which logs every error it relays at ERROR, including
	// the routine "height is from the future" answers of a DA at its tip.
	_ = golog.SetLogLevel("rpc", "FATAL")
	baseCtx := clientCtx.CmdContext
	if baseCtx == nil {
		baseCtx = context.Background()
	}

	genDoc, err := loadGenesis(cfg)
	if err != nil {
		return err
	}
	nodeCfg, err := rollkitConfig(svrCtx, cfg)
	if err != nil {
		return err
	}
	forwardTo, err := sequencerRPCURL(svrCtx.Viper.GetString(flagSequencerRPC))
	if err != nil {
		return err
	}
	if err := checkMetricsConfig(cfg.Instrumentation); err != nil {
		return err
	}
	indexOn, err := rollupnode.TxIndexing(cfg.TxIndex)
	if err != nil {
		return err
	}
	indexing := txIndexing{on: indexOn, logger: logger}
	if err := checkCensorFlag(svrCtx.Viper.GetString(flagTestCensorSigner)); err != nil {
		return err
	}
	pval, err := loadConsensusKey(cfg)
	if err != nil {
		return err
	}
	if err := rollupnode.CheckConfig(nodeCfg, genDoc, pval.PubKey); err != nil {
		return err
	}
	upstream, err := celestia.Connect(baseCtx, nodeCfg.DAAddress, nodeCfg.DAAuthToken)
	if err != nil {
		return err
	}

	application, err := openReconciledApp(baseCtx, svrCtx, appCreator, nodeCfg, logger)
	if err != nil {
		return err
	}
	defer func() { _ = application.Close() }()
	rules, err := laneRules(application, genDoc)
	if err != nil {
		return fmt.Errorf("the genesis forced-inclusion lane (sequencer.forced_inclusion): %w", err)
	}
	if err := indexing.checkLane(rules.Enabled(), nodeCfg.Aggregator); err != nil {
		return err
	}
	ignoreForced := censorFilter(application, svrCtx.Viper.GetString(flagTestCensorSigner))
	lanes := laneSetup{rules: rules, app: application, upstream: upstream, logger: logger}

	gw := gateway.New(upstream, gateway.NewBlockVerifier(genDoc.ChainID, genDoc.Validators[0]), logger)
	if svrCtx.Viper.GetBool(flagDARawBlobs) {
		gw.PostRaw()
		logger.Info("posting blocks to the DA uncompressed", "flag", "--"+flagDARawBlobs)
	}
	gwURL, err := gw.Listen("127.0.0.1:0")
	if err != nil {
		return err
	}
	defer gw.Close()
	nodeCfg.DAAddress, nodeCfg.DAAuthToken = gwURL, "" // rollkit talks to the gateway
	metrics := newNodeMetrics(cfg.Instrumentation, genDoc.ChainID)
	metricsCtx, stopMetrics := context.WithCancel(baseCtx)
	defer stopMetrics()
	metrics.watchGateway(metricsCtx, gw, upstream, nodeCfg.DABlockTime)

	nodeKey, err := p2p.LoadOrGenNodeKey(cfg.NodeKeyFile())
	if err != nil {
		return fmt.Errorf("loading %s: %w", cfg.NodeKeyFile(), err)
	}
	p2pKey, err := rolltypes.GetNodeKey(nodeKey)
	if err != nil {
		return err
	}
	signingKey, err := rolltypes.GetNodeKey(&p2p.NodeKey{PrivKey: pval.PrivKey})
	if err != nil {
		return err
	}

	ctx, cancel := context.WithCancel(baseCtx)
	defer cancel()
	node, err := rollnode.NewNode(ctx, nodeCfg, p2pKey, signingKey,
		proxy.NewLocalClientCreator(server.NewCometABCIWrapper(application)),
		genDoc, rollnode.DefaultMetricsProvider(cfg.Instrumentation),
		servercmtlog.CometLoggerWrapper{Logger: logger})
	if err != nil {
		return fmt.Errorf("creating the rollkit node: %w", err)
	}
	full := node.(*rollnode.FullNode)
	closeIndex, err := indexing.open(full, filepath.Join(nodeCfg.RootDir, "data"))
	if err != nil {
		return err
	}
	defer closeIndex() // last: after the node and its RPC have stopped
	rollkitStore := full.Store
	fraudCfg := fraud.Config{
		Dir: filepath.Join(nodeCfg.RootDir, "data", "fraud"), ChainID: genDoc.ChainID,
		Sequencer: genDoc.Validators[0].Address, Namespace: nodeCfg.DANamespace,
		Store: rollkitStore, Logger: logger,
	}
	if !nodeCfg.Aggregator {
		if indexing.watchesLane() {
			fraudCfg.Lane = lanes.fullNodeCheck(full)
		}
	} else if err := lanes.runSequencerLane(ctx, full, nodeCfg.DABlockTime, ignoreForced); err != nil {
		return err
	}
	detector, err := fraud.NewDetector(fraudCfg)
	if err != nil {
		return err
	}
	gw.Watch(detector) // before Start: rollkit's first DA read goes through it
	stopIndexing, err := indexing.start(ctx, full)
	if err != nil {
		return err
	}
	if err := node.Start(); err != nil {
		stopIndexing()
		return fmt.Errorf("starting the rollkit node: %w", err)
	}
	// Cancel first: the block loops stop before rollkit closes its p2p host,
	// which can hang (node_stop.go).
	defer func() { cancel(); stopNode(node, nodeStopGrace, logger) }()
	// Before the node (defers run last first): the node closes the store
	// the index lives in; blocks executed after this are indexed by
	// RepairIndex at the next start.
	defer stopIndexing()
	logger.Info("rollup node started", "role", rollupnode.Role(nodeCfg), "chain_id", genDoc.ChainID, "da", svrCtx.Viper.GetString(rollconf.FlagDAAddress))

	status := rollupnode.StatusSource{
		Role: rollupnode.Role(nodeCfg), ChainID: genDoc.ChainID,
		Store: rollkitStore, Included: gw.IncludedHeight, Fraud: detector.Status,
	}
	if err := metrics.watchNode(ctx, status, full.EventBus()); err != nil {
		return fmt.Errorf("starting the metrics: %w", err)
	}
	g, gctx := errgroup.WithContext(ctx)
	if nodeCfg.Aggregator {
		forwardTo = ""
	} else if forwardTo != "" {
		logger.Info("forwarding transactions to the sequencer", "sequencer_rpc", forwardTo)
	}
	rpcClient := indexing.client(node)
	if err := serveRPC(gctx, g, cfg.RPC, node, rpcClient, status, detector.Handler(), forwardTo, logger); err != nil {
		return err
	}
	if err := serveGRPCAndAPI(gctx, g, svrCtx, clientCtx.WithClient(rpcClient), application, logger); err != nil {
		return err
	}
	servePprof(gctx, g, cfg.RPC.PprofListenAddress, logger)
	server.ListenForQuitSignals(g, false, cancel, logger)
	return ignoreCanceled(g.Wait())
}

func ignoreCanceled(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

func loadGenesis(cfg *cmtcfg.Config) (*cmtypes.GenesisDoc, error) {
	appGenesis, err := genutiltypes.AppGenesisFromFile(cfg.GenesisFile())
	if err != nil {
		return nil, fmt.Errorf("cannot read genesis %s: %v; run `milkywayd init <moniker>` or copy the sequencer's genesis.json there", cfg.GenesisFile(), err)
	}
	genDoc, err := appGenesis.ToGenesisDoc()
	if err != nil {
		return nil, fmt.Errorf("invalid genesis %s: %w", cfg.GenesisFile(), err)
	}
	return genDoc, nil
}

// rollkitConfig reads rollkit's settings from flags/config and validates
// the DA namespace.
func rollkitConfig(svrCtx *server.Context, cfg *cmtcfg.Config) (rollconf.NodeConfig, error) {
	nodeCfg := rollconf.DefaultNodeConfig
	rollconf.GetNodeConfig(&nodeCfg, cfg)
	err := nodeCfg.GetViperConfig(svrCtx.Viper)
	if err != nil {
		return nodeCfg, err
	}
	if nodeCfg.P2P.ListenAddress, err = toMultiaddr(nodeCfg.P2P.ListenAddress); err != nil {
		return nodeCfg, fmt.Errorf("--p2p.laddr: %w", err)
	}
	ns, err := da.ParseNamespace(nodeCfg.DANamespace)
	if err != nil {
		return nodeCfg, fmt.Errorf("--%s: %w", rollconf.FlagDANamespace, err)
	}
	nodeCfg.DANamespace = da.NamespaceHex(ns)
	return nodeCfg, nil
}

// openReconciledApp opens the app DB (pebble) and brings the app level with
// rollkit's block store. A rollback needs a fresh app on the rolled-back
// store, so the app is reopened after one; every open is closed with
// App.Close, which also releases the snapshot store's database (a second
// open of a database this process still holds fails with "lock held by
// current process").
func openReconciledApp(ctx context.Context, svrCtx *server.Context, appCreator servertypes.AppCreator, nodeCfg rollconf.NodeConfig, logger log.Logger) (*app.App, error) {
	for attempt := 0; attempt < 2; attempt++ {
		application, err := openAppDB(svrCtx, appCreator, nodeCfg, logger)
		if err != nil {
			return nil, err
		}
		action, err := reconcile(ctx, application, nodeCfg, logger)
		if err != nil {
			return nil, errors.Join(err, application.Close())
		}
		if action != rollupnode.ActionRollback {
			if action == rollupnode.ActionReplay {
				logger.Info("crash recovery replayed the missing blocks", "height", application.LastBlockHeight())
			}
			return application, nil
		}
		if err := application.Close(); err != nil {
			return nil, fmt.Errorf("closing the app after the rollback: %w", err)
		}
	}
	return nil, fmt.Errorf("%w: still out of step after a rollback", rollupnode.ErrStateMismatch)
}

// openAppDB opens the app database and builds the app on it. The SDK's
// base-app options panic when a database they open fails (the snapshot
// store); that panic becomes a one-line error here, never a trace.
func openAppDB(svrCtx *server.Context, appCreator servertypes.AppCreator, nodeCfg rollconf.NodeConfig, logger log.Logger) (application *app.App, err error) {
	dataDir := filepath.Join(nodeCfg.RootDir, "data")
	db, err := dbm.NewDB("application", dbm.PebbleDBBackend, dataDir)
	if err != nil {
		return nil, fmt.Errorf("opening the app database in %s: %w (is another milkywayd running on this home?)", dataDir, err)
	}
	defer func() {
		if r := recover(); r != nil {
			_ = db.Close()
			application, err = nil, fmt.Errorf("opening the app in %s: %v (is another milkywayd running on this home?)", dataDir, r)
		}
	}()
	return appCreator(logger, db, nil, svrCtx.Viper).(*app.App), nil
}

// reconcile runs crash recovery against rollkit's block store, which is
// closed again before rollkit opens it.
func reconcile(ctx context.Context, application *app.App, nodeCfg rollconf.NodeConfig, logger log.Logger) (rollupnode.Action, error) {
	blocks, err := rollupnode.OpenBlockStore(nodeCfg.RootDir, nodeCfg.DBPath)
	if err != nil {
		return rollupnode.ActionNone, err
	}
	action, err := rollupnode.Reconcile(ctx, recoverableApp{application}, blocks, logger)
	return action, errors.Join(err, blocks.Close())
}

// toMultiaddr turns CometBFT's tcp://host:port P2P address into the libp2p
// multiaddr rollkit expects; multiaddrs pass through.
func toMultiaddr(addr string) (string, error) {
	if addr == "" || strings.HasPrefix(addr, "/") {
		return addr, nil
	}
	host, port, err := net.SplitHostPort(strings.TrimPrefix(addr, "tcp://"))
	if err != nil {
		return "", fmt.Errorf("%q is neither tcp://host:port nor a multiaddr like /ip4/0.0.0.0/tcp/26656", addr)
	}
	if host == "" {
		host = "0.0.0.0"
	}
	return fmt.Sprintf("/ip4/%s/tcp/%s", host, port), nil
}
