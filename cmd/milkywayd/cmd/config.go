package cmd

import (
	"io"
	"time"

	"cosmossdk.io/log"
	cmtcfg "github.com/cometbft/cometbft/config"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/server"
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"

	"github.com/milkyway-labs/milkyway-rollup/app"
)

// initAppConfig sets the app.toml defaults: a non-zero minimum gas price
// (the sequencer's mempool must not take free transactions) and the REST
// and gRPC servers on, as users of a Cosmos chain expect.
func initAppConfig() (string, interface{}) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = "0.0025" + app.BondDenom
	cfg.API.Enable = true
	cfg.API.Address = "tcp://127.0.0.1:1317"
	cfg.GRPC.Enable = true
	cfg.GRPC.Address = "127.0.0.1:9090"
	// Pebble is the database of every node.
	cfg.BaseConfig.AppDBBackend = string(dbm.PebbleDBBackend)
	return serverconfig.DefaultConfigTemplate, cfg
}

// initCometConfig sets the config.toml defaults rollkit reads: the RPC
// address and the (unused by rollkit) consensus timeouts kept short.
func initCometConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.RPC.ListenAddress = "tcp://127.0.0.1:26657"
	cfg.DBBackend = string(dbm.PebbleDBBackend)
	cfg.Consensus.TimeoutCommit = time.Second
	return cfg
}

// newApp builds the app for `start` and the server commands.
func newApp(logger log.Logger, db dbm.DB, traceStore io.Writer, appOpts servertypes.AppOptions) servertypes.Application {
	return app.New(logger, db, traceStore, true, appOpts, server.DefaultBaseappOptions(appOpts)...)
}

// exportApp implements `milkywayd export`.
func exportApp(logger log.Logger, db dbm.DB, traceStore io.Writer, height int64, forZeroHeight bool,
	jailAllowedAddrs []string, appOpts servertypes.AppOptions, modulesToExport []string,
) (servertypes.ExportedApp, error) {
	a := app.New(logger, db, traceStore, false, appOpts, server.DefaultBaseappOptions(appOpts)...)
	if height != -1 {
		if err := a.LoadHeight(height); err != nil {
			return servertypes.ExportedApp{}, err
		}
	} else if err := a.LoadLatestVersion(); err != nil {
		return servertypes.ExportedApp{}, err
	}
	return a.ExportAppStateAndValidators(forZeroHeight, jailAllowedAddrs, modulesToExport)
}
