package app

import (
	"cosmossdk.io/x/upgrade"
	upgradetypes "cosmossdk.io/x/upgrade/types"
	"github.com/cosmos/cosmos-sdk/client"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/auth"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/bank"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	"github.com/cosmos/cosmos-sdk/x/crisis"
	crisistypes "github.com/cosmos/cosmos-sdk/x/crisis/types"
	distr "github.com/cosmos/cosmos-sdk/x/distribution"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govclient "github.com/cosmos/cosmos-sdk/x/gov/client"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	"github.com/cosmos/ibc-go/modules/capability"
	capabilitytypes "github.com/cosmos/ibc-go/modules/capability/types"
	"github.com/cosmos/ibc-go/v8/modules/apps/transfer"
	ibctransfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	ibc "github.com/cosmos/ibc-go/v8/modules/core"
	ibcexported "github.com/cosmos/ibc-go/v8/modules/core/exported"
	ibctm "github.com/cosmos/ibc-go/v8/modules/light-clients/07-tendermint"
	"github.com/spf13/cast"

	"github.com/milkyway-labs/milkyway-rollup/x/assets"
	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting"
	liquidvestingtypes "github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
	"github.com/milkyway-labs/milkyway-rollup/x/operators"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	"github.com/milkyway-labs/milkyway-rollup/x/pools"
	poolstypes "github.com/milkyway-labs/milkyway-rollup/x/pools/types"
	"github.com/milkyway-labs/milkyway-rollup/x/prices"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards"
	rewardstypes "github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	"github.com/milkyway-labs/milkyway-rollup/x/sequencer"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
	"github.com/milkyway-labs/milkyway-rollup/x/services"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory"
	tokenfactorytypes "github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// appModules lists the modules in the app. Their order here does not
// matter; the orders below do.
func (app *App) appModules(txConfig client.TxEncodingConfig, appOpts servertypes.AppOptions) []module.AppModule {
	cdc := app.appCodec
	k := &app.Keepers
	return []module.AppModule{
		genutil.NewAppModule(k.AccountKeeper, k.StakingKeeper, app, txConfig),
		auth.NewAppModule(cdc, k.AccountKeeper, nil, nil),
		bank.NewAppModule(cdc, k.BankKeeper, k.AccountKeeper, nil),
		stakingModule{staking.NewAppModule(cdc, k.StakingKeeper, k.AccountKeeper, k.BankKeeper, nil)},
		distr.NewAppModule(cdc, k.DistrKeeper, k.AccountKeeper, k.BankKeeper, k.StakingKeeper, nil),
		gov.NewAppModule(cdc, k.GovKeeper, k.AccountKeeper, k.BankKeeper, nil),
		consensus.NewAppModule(cdc, k.ConsensusKeeper),
		upgrade.NewAppModule(k.UpgradeKeeper, k.AccountKeeper.AddressCodec()),
		capability.NewAppModule(cdc, *k.CapabilityKeeper, false),
		ibc.NewAppModule(k.IBCKeeper),
		ibctm.NewAppModule(),
		transfer.NewAppModule(k.TransferKeeper),
		sequencer.NewAppModule(cdc, k.SequencerKeeper),
		services.NewAppModule(cdc, k.ServicesKeeper),
		pools.NewAppModule(cdc, k.PoolsKeeper),
		operators.NewAppModule(cdc, k.OperatorsKeeper),
		restaking.NewAppModule(cdc, k.RestakingKeeper),
		assets.NewAppModule(cdc, k.AssetsKeeper),
		prices.NewAppModule(cdc, k.PricesKeeper),
		rewards.NewAppModule(cdc, k.RewardsKeeper),
		slashing.NewAppModule(cdc, k.SlashingKeeper),
		tokenfactory.NewAppModule(cdc, k.TokenFactoryKeeper),
		liquidvesting.NewAppModule(cdc, k.LiquidVestingKeeper),
		// crisis never had x/params subspaces on this chain (nil).
		crisis.NewAppModule(k.CrisisKeeper, cast.ToBool(appOpts.Get(crisis.FlagSkipGenesisInvariants)), nil),
	}
}

// basicOverrides give genutil and gov the behaviour the app needs when the
// basic manager is derived from the module manager.
func basicOverrides() map[string]module.AppModuleBasic {
	return map[string]module.AppModuleBasic{
		genutiltypes.ModuleName: genutil.NewAppModuleBasic(genutiltypes.DefaultMessageValidator),
		govtypes.ModuleName:     gov.NewAppModuleBasic([]govclient.ProposalHandler{}),
	}
}

// preBlockers run before BeginBlock. NOTE: upgrade must be first so that a
// scheduled upgrade switches the binary before any module runs.
var preBlockers = []string{upgradetypes.ModuleName}

// beginBlockers. NOTE: capability must be first so that scoped capabilities
// are initialised before IBC uses them; distribution before staking so fees
// are allocated against the previous block's state; staking records the
// historical info the IBC 07-tendermint self-client checks read. restaking
// advances its clock, operators complete matured inactivations, and
// rewards allocate last, over the clock's advance and the statuses just set.
var beginBlockers = []string{
	capabilitytypes.ModuleName,
	distrtypes.ModuleName,
	stakingtypes.ModuleName,
	ibcexported.ModuleName,
	ibctransfertypes.ModuleName,
	genutiltypes.ModuleName,
	authtypes.ModuleName,
	banktypes.ModuleName,
	govtypes.ModuleName,
	consensustypes.ModuleName,
	upgradetypes.ModuleName,
	sequencertypes.ModuleName,
	servicestypes.ModuleName,
	poolstypes.ModuleName,
	restakingtypes.ModuleName, // advances the clock operators read next
	operatorstypes.ModuleName,
	assetstypes.ModuleName,
	pricestypes.ModuleName,
	rewardstypes.ModuleName, // pays for the time the clock advanced, to operators still active
	slashingtypes.ModuleName,
}

// endBlockers. NOTE: gov ends proposals before staking matures unbondings,
// as in the SDK's simapp.
var endBlockers = []string{
	govtypes.ModuleName,
	stakingtypes.ModuleName,
	capabilitytypes.ModuleName,
	ibcexported.ModuleName,
	ibctransfertypes.ModuleName,
	genutiltypes.ModuleName,
	authtypes.ModuleName,
	banktypes.ModuleName,
	distrtypes.ModuleName,
	consensustypes.ModuleName,
	upgradetypes.ModuleName,
	sequencertypes.ModuleName,
	servicestypes.ModuleName,
	poolstypes.ModuleName,
	operatorstypes.ModuleName,
	slashingtypes.ModuleName, // slashes due now hit unbondings before restaking pays matured ones
	restakingtypes.ModuleName,
	liquidvestingtypes.ModuleName, // burns what restaking just paid out of forced unbondings
	assetstypes.ModuleName,
	pricestypes.ModuleName,
	rewardstypes.ModuleName,
	crisistypes.ModuleName,
}

// initGenesisOrder. NOTE: capability first (IBC needs initialised
// capabilities); auth before bank (accounts before balances); bank before
// staking and distribution (module balances); genutil after staking (it
// delivers gentxs); sequencer reports the one validator; services and pools
// after auth (they create their target accounts); restaking after the
// modules that own its targets (genesis delegations point at them).
var initGenesisOrder = []string{
	capabilitytypes.ModuleName,
	authtypes.ModuleName,
	banktypes.ModuleName,
	tokenfactorytypes.ModuleName, // after bank: keeps the denom metadata bank loaded, adds what is missing
	distrtypes.ModuleName,
	stakingtypes.ModuleName,
	govtypes.ModuleName,
	ibcexported.ModuleName,
	ibctransfertypes.ModuleName,
	genutiltypes.ModuleName,
	consensustypes.ModuleName,
	upgradetypes.ModuleName,
	sequencertypes.ModuleName,
	servicestypes.ModuleName,
	poolstypes.ModuleName,
	operatorstypes.ModuleName,
	restakingtypes.ModuleName,
	assetstypes.ModuleName,
	pricestypes.ModuleName,
	rewardstypes.ModuleName,
	slashingtypes.ModuleName, // checks the sequencing service, operator and join
	liquidvestingtypes.ModuleName,
	crisistypes.ModuleName, // asserts the invariants once every module is loaded
}
