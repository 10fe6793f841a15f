// Package app wires the MilkyWay rollup's state machine: the SDK modules,
// IBC, and the sequencer module. It holds wiring only; logic lives in x/.
package app

import (
	"encoding/json"
	"fmt"
	"io"

	reflectionv1 "cosmossdk.io/api/cosmos/reflection/v1"
	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/log"
	storetypes "cosmossdk.io/store/types"
	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/version"
	capabilitytypes "github.com/cosmos/ibc-go/modules/capability/types"
)

var _ servertypes.Application = (*App)(nil)

// App is the MilkyWay rollup application.
type App struct {
	*baseapp.BaseApp
	Keepers

	appCodec          codec.Codec
	legacyAmino       *codec.LegacyAmino
	txConfig          client.TxConfig
	interfaceRegistry codectypes.InterfaceRegistry

	keys    map[string]*storetypes.KVStoreKey
	memKeys map[string]*storetypes.MemoryStoreKey

	// verified remembers txs whose signatures were checked before their
	// block executes them: in CheckTx, or by the block's pre-verifier.
	verified *verifiedTxs

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager
	configurator       module.Configurator

	forced forcedSource // the forced-inclusion lane (sequencer only)
}

// New builds the app on db. loadLatest is false only for tests that mount
// extra stores before loading.
func New(logger log.Logger, db dbm.DB, traceStore io.Writer, loadLatest bool,
	appOpts servertypes.AppOptions, baseAppOptions ...func(*baseapp.BaseApp),
) *App {
	enc := MakeEncodingConfig()
	options := append([]func(*baseapp.BaseApp){withLazyBranches(db, logger)}, baseAppOptions...)
	bApp := baseapp.NewBaseApp(AppName, logger, db, enc.TxConfig.TxDecoder(), options...)
	bApp.SetCommitMultiStoreTracer(traceStore)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(enc.InterfaceRegistry)
	bApp.SetTxEncoder(enc.TxConfig.TxEncoder())

	app := &App{
		BaseApp:           bApp,
		appCodec:          enc.Codec,
		legacyAmino:       enc.Amino,
		txConfig:          enc.TxConfig,
		interfaceRegistry: enc.InterfaceRegistry,
		keys:              storeKeys(),
		memKeys:           storetypes.NewMemoryStoreKeys(capabilitytypes.MemStoreKey),
	}
	app.initKeepers(appOpts)

	app.ModuleManager = module.NewManager(app.appModules(enc.TxConfig, appOpts)...)
	app.BasicModuleManager = module.NewBasicManagerFromManager(app.ModuleManager, basicOverrides())
	app.BasicModuleManager.RegisterLegacyAminoCodec(enc.Amino)
	app.BasicModuleManager.RegisterInterfaces(enc.InterfaceRegistry)

	app.ModuleManager.SetOrderPreBlockers(preBlockers...)
	app.ModuleManager.SetOrderBeginBlockers(beginBlockers...)
	app.ModuleManager.SetOrderEndBlockers(endBlockers...)
	app.ModuleManager.SetOrderInitGenesis(initGenesisOrder...)
	app.ModuleManager.SetOrderExportGenesis(initGenesisOrder...)

	app.ModuleManager.RegisterInvariants(app.CrisisKeeper)
	app.configurator = module.NewConfigurator(app.appCodec, app.MsgServiceRouter(), app.moduleQueryServer())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(err)
	}
	reflectionSvc, err := runtimeservices.NewReflectionService()
	if err != nil {
		panic(err)
	}
	reflectionv1.RegisterReflectionServiceServer(app.GRPCQueryRouter(), reflectionSvc)

	app.MountKVStores(app.keys)
	app.MountMemoryStores(app.memKeys)

	app.SetInitChainer(app.InitChainer)
	app.SetPreBlocker(app.preBlocker)
	app.SetBeginBlocker(app.ModuleManager.BeginBlock)
	app.SetEndBlocker(app.ModuleManager.EndBlock)
	app.verified = newVerifiedTxs(verifiedTxsLimit)
	anteHandler, err := newAnteHandler(app.anteOptions(), app.IBCKeeper, app.verified)
	if err != nil {
		panic(err)
	}
	app.SetAnteHandler(anteHandler)
	app.setProposalHandlers(bApp)

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Errorf("loading the latest state: %w", err))
		}
	}
	return app
}

// preBlocker adapts the module manager's PreBlock to BaseApp's signature.
func (app *App) preBlocker(ctx sdk.Context, _ *abci.RequestFinalizeBlock) (*sdk.ResponsePreBlock, error) {
	return app.ModuleManager.PreBlock(ctx)
}

// Name returns the app name.
func (app *App) Name() string { return app.BaseApp.Name() }

// AppCodec returns the app's proto codec.
func (app *App) AppCodec() codec.Codec { return app.appCodec }

// LegacyAmino returns the amino codec (still used by the ledger sign mode).
func (app *App) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// InterfaceRegistry returns the interface registry.
func (app *App) InterfaceRegistry() codectypes.InterfaceRegistry { return app.interfaceRegistry }

// TxConfig returns the tx config.
func (app *App) TxConfig() client.TxConfig { return app.txConfig }

// AutoCliOpts gives the CLI the module services to build commands from.
func (app *App) AutoCliOpts() autocli.AppOptions {
	modules := make(map[string]appmodule.AppModule)
	for _, m := range app.ModuleManager.Modules {
		if am, ok := m.(appmodule.AppModule); ok {
			modules[am.(module.HasName).Name()] = am
		}
	}
	return autocli.AppOptions{
		Modules:               modules,
		ModuleOptions:         runtimeservices.ExtractAutoCLIOptions(app.ModuleManager.Modules),
		AddressCodec:          addressCodec(Bech32Prefix),
		ValidatorAddressCodec: addressCodec(Bech32Prefix + "valoper"),
		ConsensusAddressCodec: addressCodec(Bech32Prefix + "valcons"),
	}
}

// DefaultGenesis returns every module's default genesis.
func (app *App) DefaultGenesis() map[string]json.RawMessage {
	return app.BasicModuleManager.DefaultGenesis(app.appCodec)
}

// GetKey returns a KV store key (used by tests and upgrades).
func (app *App) GetKey(name string) *storetypes.KVStoreKey { return app.keys[name] }

// LoadHeight loads the state at height (for exports of past heights).
func (app *App) LoadHeight(height int64) error { return app.LoadVersion(height) }
