package keeper_test

import (
	"context"
	"errors"
	"testing"
	"time"

	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	"github.com/stretchr/testify/require"

	assetskeeper "github.com/milkyway-labs/milkyway-rollup/x/assets/keeper"
	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
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
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// Named fixtures, rendered with the chain's prefix in init.
var (
	authority, admin, feeder                   string
	op1Admin, op2Admin, seqAdmin               string
	alice, bob, carol, dave, erin              string
	treasury, resolver, slasher, outsider, eve string
)

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	authority = authtypes.NewModuleAddress("gov").String()
	admin, feeder = addr("admin"), addr("feeder")
	op1Admin, op2Admin, seqAdmin = addr("op1admin"), addr("op2admin"), addr("seqadmin")
	alice, bob, carol, dave, erin = addr("alice"), addr("bob"), addr("carol"), addr("dave"), addr("erin")
	treasury, resolver, slasher = addr("treasury"), addr("resolver"), addr("slasher")
	outsider, eve = addr("outsider"), addr("eve")
}

func addr(name string) string {
	b := make([]byte, 20)
	copy(b, name)
	return sdk.AccAddress(b).String()
}

// chainID is the devnet's chain id: task signatures and sequencer headers
// commit to it.
const chainID = "milkyway-devnet-1"

// genesisTime is the block time of the first block.
var genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// sequencerKey is a devnet-like sequencer consensus key (CometBFT ed25519,
// the priv_validator key rollkit signs headers with).
var sequencerKey = cmted25519.GenPrivKeyFromSecret([]byte("milkyway-devnet sequencer priv_validator_key"))

// communityName is the module account standing in for the community pool.
const communityName = "community"

// importStoreKey mounts a second slashing store for genesis round trips.
const importStoreKey = "imported_genesis"

// env runs slashing on the real auth, bank, services, pools, operators,
// restaking, assets, prices, rewards and sequencer keepers over one
// in-memory multistore, wired as in app/keepers.go.
type env struct {
	t         testing.TB
	ctx       sdk.Context
	cdc       codec.Codec
	keys      map[string]*storetypes.KVStoreKey
	accounts  authkeeper.AccountKeeper
	bank      bankkeeper.BaseKeeper
	services  *serviceskeeper.Keeper
	pools     *poolskeeper.Keeper
	operators *operatorskeeper.Keeper
	restaking *restakingkeeper.Keeper
	assets    *assetskeeper.Keeper
	prices    *priceskeeper.Keeper
	rewards   *rewardskeeper.Keeper
	sequencer sequencerkeeper.Keeper
	k         *keeper.Keeper
	msgs      types.MsgServer
	queries   types.QueryServer
	// endEvents are the events of the last block, EndBlock included.
	endEvents sdk.Events
}

// bankCommunityPool sends fees to a module account by a real bank transfer.
type bankCommunityPool struct{ bank bankkeeper.BaseKeeper }

func (c bankCommunityPool) FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error {
	return c.bank.SendCoinsFromAccountToModule(ctx, sender, communityName, amount)
}

// assetSource adapts x/assets for x/prices, as app/prices.go does.
type assetSource struct{ k *assetskeeper.Keeper }

func (a assetSource) AssetOf(ctx context.Context, denom string) (pricestypes.Asset, bool, error) {
	asset, err := a.k.GetAsset(ctx, denom)
	if errors.Is(err, assetstypes.ErrAssetNotFound) {
		return pricestypes.Asset{}, false, nil
	}
	return pricestypes.Asset{Ticker: asset.Ticker, Exponent: asset.Exponent}, err == nil, err
}

// setupFn runs after every other module's genesis and before slashing's:
// it may create services and operators and edit the slashing genesis.
type setupFn func(e *env, gs *types.GenesisState)

func newEnv(t testing.TB, setups ...setupFn) *env {
	keys := storetypes.NewKVStoreKeys(authtypes.StoreKey, banktypes.StoreKey, servicestypes.StoreKey,
		poolstypes.StoreKey, operatorstypes.StoreKey, restakingtypes.StoreKey, assetstypes.StoreKey,
		pricestypes.StoreKey, rewardstypes.StoreKey, sequencertypes.StoreKey, types.StoreKey, importStoreKey)
	e := &env{t: t, keys: keys}
	e.ctx = testutil.DefaultContextWithKeys(keys, nil, nil).WithBlockTime(genesisTime).WithBlockHeight(1).WithChainID(chainID)
	registry := codectypes.NewInterfaceRegistry()
	authtypes.RegisterInterfaces(registry)
	e.cdc = codec.NewProtoCodec(registry)
	cdc := e.cdc
	kv := func(name string) corestore.KVStoreService { return runtime.NewKVStoreService(keys[name]) }

	perms := map[string][]string{
		minttypes.ModuleName: {authtypes.Minter}, communityName: nil,
		rewardstypes.ModuleName: nil, rewardstypes.EscrowAccount: nil,
		types.ModuleName: {authtypes.Burner},
	}
	e.accounts = authkeeper.NewAccountKeeper(cdc, kv(authtypes.StoreKey), authtypes.ProtoBaseAccount, perms,
		addresscodec.NewBech32Codec("milk"), "milk", authority)
	blocked := map[string]bool{}
	for name := range perms {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	e.bank = bankkeeper.NewBaseKeeper(cdc, kv(banktypes.StoreKey), e.accounts, blocked, authority, log.NewNopLogger())
	e.sequencer = sequencerkeeper.NewKeeper(cdc, kv(sequencertypes.StoreKey))
	e.services = serviceskeeper.NewKeeper(cdc, kv(servicestypes.StoreKey), e.accounts, nil, authority)
	e.pools = poolskeeper.NewKeeper(cdc, kv(poolstypes.StoreKey), e.accounts)
	e.operators = operatorskeeper.NewKeeper(cdc, kv(operatorstypes.StoreKey), e.accounts, nil, authority)
	e.restaking = restakingkeeper.NewKeeper(cdc, kv(restakingtypes.StoreKey), e.bank, e.pools, e.operators, e.services, authority)
	e.services.SetDeletionGuard(e.restaking.DeletionGuard())
	e.operators.SetDeletionGuard(e.restaking.DeletionGuard())
	e.operators.SetClock(e.restaking)
	e.assets = assetskeeper.NewKeeper(cdc, kv(assetstypes.StoreKey), authority)
	e.prices = priceskeeper.NewKeeper(cdc, kv(pricestypes.StoreKey), assetSource{e.assets}, authority)
	e.prices.SetClock(e.restaking)
	e.restaking.SetPriceSource(e.prices)
	e.rewards = rewardskeeper.NewKeeper(cdc, kv(rewardstypes.StoreKey), e.accounts, e.bank, bankCommunityPool{e.bank},
		e.services, e.operators, e.restaking, e.prices, authority)
	e.restaking.SetHooks(e.rewards.Hooks())
	e.k = e.newSlashingKeeper(types.StoreKey)
	e.services.SetHooks(servicestypes.MultiServicesHooks{e.restaking.TargetHooks(), e.rewards.TargetHooks(), e.k.TargetHooks()})
	e.operators.SetHooks(operatorstypes.NewMultiOperatorsHooks(e.restaking.TargetHooks(), e.rewards.TargetHooks(), e.k.TargetHooks()))
	e.restaking.SetOperatorDelegationGuard(e.k.RefuseJailedOperator)
	e.restaking.SetTrustWithdrawalGuard(e.k.RefuseTrustWithdrawal)
	e.rewards.SetJailChecker(e.k)

	ctx := e.ctx
	_, err := e.sequencer.InitGenesis(ctx, &sequencertypes.GenesisState{Sequencer: sequencertypes.Sequencer{
		Name: "sequencer", ConsensusPubkey: sequencerKey.PubKey().Bytes()}})
	require.NoError(t, err)
	require.NoError(t, e.services.InitGenesis(ctx, servicestypes.DefaultGenesis()))
	require.NoError(t, e.pools.InitGenesis(ctx, poolstypes.DefaultGenesis()))
	require.NoError(t, e.operators.InitGenesis(ctx, operatorstypes.DefaultGenesis()))
	require.NoError(t, e.restaking.InitGenesis(ctx, restakingtypes.DefaultGenesis()))
	require.NoError(t, e.assets.InitGenesis(ctx, assetstypes.DefaultGenesis()))
	pricesGenesis := pricestypes.DefaultGenesis()
	pricesGenesis.Params.Feeders = []string{feeder}
	// Prices stay fresh for the whole test.
	pricesGenesis.Params.MaxPriceAge = 365 * 24 * time.Hour
	require.NoError(t, e.prices.InitGenesis(ctx, pricesGenesis))
	require.NoError(t, e.rewards.InitGenesis(ctx, rewardstypes.DefaultGenesis()))
	e.msgs = keeper.NewMsgServer(e.k)
	e.queries = keeper.NewQueryServer(e.k)
	for _, user := range []string{admin, op1Admin, op2Admin, seqAdmin, alice, bob, carol, dave, erin, eve} {
		e.fund(user, "1000000000000umilk,1000000000000umilktia,1000000000000uinit")
	}
	// Prices: MILK $2, MILKTIA $5, INIT $1, all with 6 decimals.
	for _, a := range []struct{ denom, ticker string }{{"umilk", "MILK"}, {"umilktia", "MILKTIA"}, {"uinit", "INIT"}} {
		_, err := assetskeeper.NewMsgServer(e.assets).RegisterAsset(ctx, &assetstypes.MsgRegisterAsset{
			Authority: authority, Asset: assetstypes.Asset{Denom: a.denom, Ticker: a.ticker, Exponent: 6}})
		require.NoError(t, err)
	}
	e.postPrices(map[string]int64{"MILK": 2, "MILKTIA": 5, "INIT": 1})

	gs := types.DefaultGenesis()
	// Rules apply at once unless a test is about the activation delay.
	gs.Params.RulesActivationDelay = 0
	for _, setup := range setups {
		setup(e, gs)
	}
	require.NoError(t, gs.Validate())
	require.NoError(t, e.k.InitGenesis(e.ctx, gs))
	// The first block only records the allocation time; tests start after it.
	e.nextBlock(time.Second)
	return e
}

// newSlashingKeeper builds a slashing keeper over the named store, wired
// as in app/keepers.go.
func (e *env) newSlashingKeeper(store string) *keeper.Keeper {
	return keeper.NewKeeper(e.cdc, runtime.NewKVStoreService(e.keys[store]), e.accounts, e.bank,
		e.services, e.operators, e.restaking, e.prices, e.sequencer, authority)
}

// endBlock runs the EndBlockers in the app's order: slashing executes the
// slashes due before restaking pays matured unbondings.
func (e *env) endBlock() {
	require.NoError(e.t, e.k.EndBlocker(e.ctx))
	require.NoError(e.t, e.restaking.EndBlocker(e.ctx))
}

// beginBlock runs the BeginBlockers in the app's order: the restaking
// clock, operator inactivations, rewards allocation.
func (e *env) beginBlock() {
	require.NoError(e.t, e.restaking.BeginBlocker(e.ctx))
	require.NoError(e.t, e.operators.BeginBlocker(e.ctx))
	require.NoError(e.t, e.rewards.BeginBlocker(e.ctx))
}

// nextBlock ends the block, advances height and time, begins the next one
// and checks every invariant.
func (e *env) nextBlock(d time.Duration) {
	e.endBlock()
	e.endEvents = e.ctx.EventManager().Events()
	e.ctx = e.ctx.WithBlockHeight(e.ctx.BlockHeight() + 1).WithBlockTime(e.ctx.BlockTime().Add(d)).
		WithEventManager(sdk.NewEventManager())
	e.beginBlock()
	e.requireInvariants()
}

// advance runs n blocks of d each.
func (e *env) advance(n int, d time.Duration) {
	for i := 0; i < n; i++ {
		e.nextBlock(d)
	}
}

// requireInvariants checks the restaking, rewards and slashing invariants.
func (e *env) requireInvariants() {
	for _, inv := range []struct {
		name  string
		check func(context.Context) (string, bool)
	}{
		{"restaking/stake", e.restaking.StakeInvariant},
		{"restaking/security", e.restaking.SecurityInvariant},
		{"rewards/module-account", e.rewards.ModuleAccountInvariant},
		{"rewards/escrow", e.rewards.EscrowInvariant},
		{"rewards/can-withdraw", e.rewards.CanWithdrawInvariant},
		{"rewards/pool-shares", e.rewards.PoolSharesInvariant},
		{"slashing/pipeline", e.k.PipelineInvariant},
		{"slashing/module-account", e.k.ModuleAccountInvariant},
	} {
		msg, broken := inv.check(e.ctx)
		require.False(e.t, broken, "%s at height %d: %s", inv.name, e.ctx.BlockHeight(), msg)
	}
}

func (e *env) fund(to, amount string) {
	c := coins(amount)
	require.NoError(e.t, e.bank.MintCoins(e.ctx, minttypes.ModuleName, c))
	require.NoError(e.t, e.bank.SendCoinsFromModuleToAccount(e.ctx, minttypes.ModuleName, sdk.MustAccAddressFromBech32(to), c))
}

func (e *env) postPrices(prices map[string]int64) {
	var list []pricestypes.TickerPrice
	for _, ticker := range []string{"MILK", "MILKTIA", "INIT"} {
		if p, ok := prices[ticker]; ok {
			list = append(list, pricestypes.TickerPrice{Ticker: ticker, Price: sdkmath.LegacyNewDec(p)})
		}
	}
	_, err := priceskeeper.NewMsgServer(e.prices).PostPrices(e.ctx, &pricestypes.MsgPostPrices{Feeder: feeder, Prices: list})
	require.NoError(e.t, err)
}

func coins(s string) sdk.Coins {
	c, err := sdk.ParseCoinsNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

func mustAcc(a string) sdk.AccAddress { return sdk.MustAccAddressFromBech32(a) }
