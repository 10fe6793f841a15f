package app

import (
	corestore "cosmossdk.io/core/store"
	storetypes "cosmossdk.io/store/types"
	upgradekeeper "cosmossdk.io/x/upgrade/keeper"
	upgradetypes "cosmossdk.io/x/upgrade/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	authcodec "github.com/cosmos/cosmos-sdk/x/auth/codec"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	crisiskeeper "github.com/cosmos/cosmos-sdk/x/crisis/keeper"
	crisistypes "github.com/cosmos/cosmos-sdk/x/crisis/types"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	capabilitykeeper "github.com/cosmos/ibc-go/modules/capability/keeper"
	capabilitytypes "github.com/cosmos/ibc-go/modules/capability/types"
	ibctransferkeeper "github.com/cosmos/ibc-go/v8/modules/apps/transfer/keeper"
	ibctransfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	ibcexported "github.com/cosmos/ibc-go/v8/modules/core/exported"
	ibckeeper "github.com/cosmos/ibc-go/v8/modules/core/keeper"
	"github.com/spf13/cast"

	assetskeeper "github.com/milkyway-labs/milkyway-rollup/x/assets/keeper"
	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	liquidvestingkeeper "github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/keeper"
	liquidvestingtypes "github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
	operatorskeeper "github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	poolskeeper "github.com/milkyway-labs/milkyway-rollup/x/pools/keeper"
	poolstypes "github.com/milkyway-labs/milkyway-rollup/x/pools/types"
	priceskeeper "github.com/milkyway-labs/milkyway-rollup/x/prices/keeper"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
	restakingkeeper "github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	rewardskeeper "github.com/milkyway-labs/milkyway-rollup/x/rewards/keeper"
	rewardstypes "github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	sequencerkeeper "github.com/milkyway-labs/milkyway-rollup/x/sequencer/keeper"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
	serviceskeeper "github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
	slashingkeeper "github.com/milkyway-labs/milkyway-rollup/x/slashing/keeper"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
	tokenfactorykeeper "github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/keeper"
	tokenfactorytypes "github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// Keepers holds every module keeper of the app.
type Keepers struct {
	AccountKeeper   authkeeper.AccountKeeper
	BankKeeper      bankkeeper.BaseKeeper
	StakingKeeper   *stakingkeeper.Keeper
	DistrKeeper     distrkeeper.Keeper
	GovKeeper       *govkeeper.Keeper
	ConsensusKeeper consensuskeeper.Keeper
	CrisisKeeper    *crisiskeeper.Keeper
	UpgradeKeeper   *upgradekeeper.Keeper
	SequencerKeeper sequencerkeeper.Keeper
	ServicesKeeper  *serviceskeeper.Keeper
	PoolsKeeper     *poolskeeper.Keeper
	OperatorsKeeper *operatorskeeper.Keeper
	RestakingKeeper *restakingkeeper.Keeper
	AssetsKeeper    *assetskeeper.Keeper
	PricesKeeper    *priceskeeper.Keeper
	RewardsKeeper   *rewardskeeper.Keeper
	SlashingKeeper  *slashingkeeper.Keeper

	TokenFactoryKeeper  *tokenfactorykeeper.Keeper
	LiquidVestingKeeper *liquidvestingkeeper.Keeper

	CapabilityKeeper     *capabilitykeeper.Keeper
	IBCKeeper            *ibckeeper.Keeper
	TransferKeeper       ibctransferkeeper.Keeper
	ScopedIBCKeeper      capabilitykeeper.ScopedKeeper
	ScopedTransferKeeper capabilitykeeper.ScopedKeeper
}

// storeKeys lists every KV store the app mounts.
func storeKeys() map[string]*storetypes.KVStoreKey {
	return storetypes.NewKVStoreKeys(
		authtypes.StoreKey, banktypes.StoreKey, stakingtypes.StoreKey, distrtypes.StoreKey,
		govtypes.StoreKey, consensustypes.StoreKey, upgradetypes.StoreKey, crisistypes.StoreKey,
		capabilitytypes.StoreKey, ibcexported.StoreKey, ibctransfertypes.StoreKey,
		sequencertypes.StoreKey, servicestypes.StoreKey, poolstypes.StoreKey,
		operatorstypes.StoreKey, restakingtypes.StoreKey, assetstypes.StoreKey, pricestypes.StoreKey,
		rewardstypes.StoreKey, slashingtypes.StoreKey,
		tokenfactorytypes.StoreKey,
		liquidvestingtypes.StoreKey,
	)
}

// moduleAccountPermissions are the module accounts and what they may do.
var moduleAccountPermissions = map[string][]string{
	authtypes.FeeCollectorName:     nil,
	distrtypes.ModuleName:          nil,
	stakingtypes.BondedPoolName:    {authtypes.Burner, authtypes.Staking},
	stakingtypes.NotBondedPoolName: {authtypes.Burner, authtypes.Staking},
	govtypes.ModuleName:            {authtypes.Burner},
	ibctransfertypes.ModuleName:    {authtypes.Minter, authtypes.Burner},
	rewardstypes.ModuleName:        nil,
	rewardstypes.EscrowAccount:     nil,
	slashingtypes.ModuleName:       {authtypes.Burner},
	tokenfactorytypes.ModuleName:   {authtypes.Minter, authtypes.Burner},
	liquidvestingtypes.ModuleName:  {authtypes.Minter, authtypes.Burner},
}

// blockedAddresses are module accounts that may not receive funds by bank
// send; the distribution module account receives community pool deposits
// through its own Msgs.
func blockedAddresses() map[string]bool {
	blocked := make(map[string]bool)
	for name := range moduleAccountPermissions {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	delete(blocked, authtypes.NewModuleAddress(govtypes.ModuleName).String())
	// liquidvesting receives insurance deposits over ICS-20; its send
	// restriction refuses every other transfer into it.
	delete(blocked, authtypes.NewModuleAddress(liquidvestingtypes.ModuleName).String())
	return blocked
}

// initKeepers builds the keeper graph. The gov module account is the
// authority of every module's params.
func (app *App) initKeepers(appOpts servertypes.AppOptions) {
	cdc := app.appCodec
	authority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	kv := func(name string) corestore.KVStoreService { return runtime.NewKVStoreService(app.keys[name]) }
	k := &app.Keepers

	k.ConsensusKeeper = consensuskeeper.NewKeeper(cdc, kv(consensustypes.StoreKey), authority, runtime.EventService{})
	app.SetParamStore(k.ConsensusKeeper.ParamsStore)

	k.CapabilityKeeper = capabilitykeeper.NewKeeper(cdc, app.keys[capabilitytypes.StoreKey], app.memKeys[capabilitytypes.MemStoreKey])
	k.ScopedIBCKeeper = k.CapabilityKeeper.ScopeToModule(ibcexported.ModuleName)
	k.ScopedTransferKeeper = k.CapabilityKeeper.ScopeToModule(ibctransfertypes.ModuleName)
	k.CapabilityKeeper.Seal()

	k.AccountKeeper = authkeeper.NewAccountKeeper(cdc, kv(authtypes.StoreKey), authtypes.ProtoBaseAccount,
		moduleAccountPermissions, authcodec.NewBech32Codec(Bech32Prefix), Bech32Prefix, authority)
	k.BankKeeper = bankkeeper.NewBaseKeeper(cdc, kv(banktypes.StoreKey), k.AccountKeeper, blockedAddresses(), authority, app.Logger())
	k.StakingKeeper = stakingkeeper.NewKeeper(cdc, kv(stakingtypes.StoreKey), k.AccountKeeper, k.BankKeeper, authority,
		authcodec.NewBech32Codec(Bech32Prefix+"valoper"), authcodec.NewBech32Codec(Bech32Prefix+"valcons"))
	k.DistrKeeper = distrkeeper.NewKeeper(cdc, kv(distrtypes.StoreKey), k.AccountKeeper, k.BankKeeper, k.StakingKeeper,
		authtypes.FeeCollectorName, authority)
	k.StakingKeeper.SetHooks(stakingtypes.NewMultiStakingHooks(k.DistrKeeper.Hooks()))

	// x/crisis serves the invariant routes of every module (MsgVerifyInvariant)
	// and checks them every --inv-check-period blocks (0, the default: never).
	k.CrisisKeeper = crisiskeeper.NewKeeper(cdc, kv(crisistypes.StoreKey), cast.ToUint(appOpts.Get("inv-check-period")),
		k.BankKeeper, authtypes.FeeCollectorName, authority, k.AccountKeeper.AddressCodec())

	skipUpgradeHeights := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get("unsafe-skip-upgrades")) {
		skipUpgradeHeights[int64(h)] = true
	}
	homePath := cast.ToString(appOpts.Get("home"))
	k.UpgradeKeeper = upgradekeeper.NewKeeper(skipUpgradeHeights, kv(upgradetypes.StoreKey), cdc, homePath, app.BaseApp, authority)

	k.GovKeeper = govkeeper.NewKeeper(cdc, kv(govtypes.StoreKey), k.AccountKeeper, k.BankKeeper, k.StakingKeeper,
		k.DistrKeeper, app.MsgServiceRouter(), govtypes.DefaultConfig(), authority)

	k.SequencerKeeper = sequencerkeeper.NewKeeper(cdc, kv(sequencertypes.StoreKey))
	k.ServicesKeeper = serviceskeeper.NewKeeper(cdc, kv(servicestypes.StoreKey), k.AccountKeeper, k.DistrKeeper, authority)
	k.PoolsKeeper = poolskeeper.NewKeeper(cdc, kv(poolstypes.StoreKey), k.AccountKeeper)
	k.OperatorsKeeper = operatorskeeper.NewKeeper(cdc, kv(operatorstypes.StoreKey), k.AccountKeeper, k.DistrKeeper, authority)
	k.RestakingKeeper = restakingkeeper.NewKeeper(cdc, kv(restakingtypes.StoreKey), k.BankKeeper,
		k.PoolsKeeper, k.OperatorsKeeper, k.ServicesKeeper, authority)
	// Services and operators ask restaking before deleting a target, and
	// restaking drops joins, allowlists and borrowed pools when one goes.
	k.ServicesKeeper.SetDeletionGuard(k.RestakingKeeper.DeletionGuard())
	k.OperatorsKeeper.SetDeletionGuard(k.RestakingKeeper.DeletionGuard())
	// Operators read time from the restaking clock (bounded, monotonic).
	k.OperatorsKeeper.SetClock(k.RestakingKeeper)

	// USD values: gov-registered assets priced by the feeders' median; the
	// restaking cap uses them, price freshness follows the restaking clock.
	k.AssetsKeeper = assetskeeper.NewKeeper(cdc, kv(assetstypes.StoreKey), authority)
	k.PricesKeeper = priceskeeper.NewKeeper(cdc, kv(pricestypes.StoreKey), assetSource{k.AssetsKeeper}, authority)
	k.PricesKeeper.SetClock(k.RestakingKeeper)
	k.RestakingKeeper.SetPriceSource(k.PricesKeeper)

	// Rewards: plans paid by value; every stake change settles rewards
	// first, and a deleted target's plans, commission and crumbs are
	// cleared after restaking dropped its joins.
	k.RewardsKeeper = rewardskeeper.NewKeeper(cdc, kv(rewardstypes.StoreKey), k.AccountKeeper, k.BankKeeper,
		k.DistrKeeper, k.ServicesKeeper, k.OperatorsKeeper, k.RestakingKeeper, k.PricesKeeper, authority)
	k.RestakingKeeper.SetHooks(k.RewardsKeeper.Hooks())

	// Slashing: evidence against operators (and the sequencer, operator of
	// the sequencing service) takes restaked stake through x/restaking; a
	// jailed operator takes no delegations and earns from no plan of the
	// service that jailed it.
	k.SlashingKeeper = slashingkeeper.NewKeeper(cdc, kv(slashingtypes.StoreKey), k.AccountKeeper, k.BankKeeper,
		k.ServicesKeeper, k.OperatorsKeeper, k.RestakingKeeper, k.PricesKeeper, k.SequencerKeeper, authority)
	k.RestakingKeeper.SetOperatorDelegationGuard(k.SlashingKeeper.RefuseJailedOperator)
	k.RestakingKeeper.SetTrustWithdrawalGuard(k.SlashingKeeper.RefuseTrustWithdrawal)
	k.RewardsKeeper.SetJailChecker(k.SlashingKeeper)

	// Liquid vesting: locked tokens restake only with enough insurance and
	// move only along restaking paths; slashed locked stake may reach
	// x/slashing, which burns it or pays its recipient.
	k.LiquidVestingKeeper = liquidvestingkeeper.NewKeeper(cdc, kv(liquidvestingtypes.StoreKey), k.AccountKeeper,
		k.BankKeeper, k.RestakingKeeper, authority, []string{slashingtypes.ModuleName},
		k.PoolsKeeper.IsPoolAddress, k.OperatorsKeeper.IsOperatorAddress, k.ServicesKeeper.IsServiceAddress)
	k.RestakingKeeper.SetRestakeRestriction(k.LiquidVestingKeeper.RestakeRestriction)
	k.BankKeeper.AppendSendRestriction(k.LiquidVestingKeeper.SendRestriction)

	// A deleted operator or service: restaking drops joins and borrowed
	// pools, rewards clears plans and commission, slashing keys and jails.
	k.ServicesKeeper.SetHooks(servicestypes.MultiServicesHooks{
		k.RestakingKeeper.TargetHooks(), k.RewardsKeeper.TargetHooks(), k.SlashingKeeper.TargetHooks()})
	k.OperatorsKeeper.SetHooks(operatorstypes.NewMultiOperatorsHooks(
		k.RestakingKeeper.TargetHooks(), k.RewardsKeeper.TargetHooks(), k.SlashingKeeper.TargetHooks()))

	// Token factory: fees go to the community pool; admins may not burn
	// from or force-transfer out of restaking target accounts, whose
	// balances back x/restaking's records.
	k.TokenFactoryKeeper = tokenfactorykeeper.NewKeeper(cdc, kv(tokenfactorytypes.StoreKey), k.AccountKeeper,
		k.BankKeeper, k.DistrKeeper, authority)
	k.TokenFactoryKeeper.SetCustodyChecks(k.PoolsKeeper.IsPoolAddress, k.OperatorsKeeper.IsOperatorAddress,
		k.ServicesKeeper.IsServiceAddress)

	// IBC: this chain never had x/params, so the legacy subspaces (read
	// only by migrations from ibc-go v6 and earlier) are a stub that says so.
	k.IBCKeeper = ibckeeper.NewKeeper(cdc, app.keys[ibcexported.StoreKey], noLegacyParams{}, k.StakingKeeper,
		k.UpgradeKeeper, k.ScopedIBCKeeper, authority)
	k.TransferKeeper = ibctransferkeeper.NewKeeper(cdc, app.keys[ibctransfertypes.StoreKey], noLegacyParams{},
		k.IBCKeeper.ChannelKeeper, k.IBCKeeper.ChannelKeeper, k.IBCKeeper.PortKeeper,
		k.AccountKeeper, k.BankKeeper, k.ScopedTransferKeeper, authority)
	// Asset queries show the transfer module's trace of an ibc/HASH denom.
	k.AssetsKeeper.SetDenomTraceReader(k.TransferKeeper)
	app.setIBCRouter()
}

// anteOptions are the standard SDK ante options (accounts, bank for fees,
// sign modes, default signature gas); newAnteHandler in ante.go builds the
// chain from them.
func (app *App) anteOptions() ante.HandlerOptions {
	return ante.HandlerOptions{
		AccountKeeper:   app.AccountKeeper,
		BankKeeper:      app.BankKeeper,
		SignModeHandler: app.txConfig.SignModeHandler(),
		SigGasConsumer:  ante.DefaultSigVerificationGasConsumer,
	}
}
