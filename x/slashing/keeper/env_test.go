package keeper_test

import (
	"context"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/app/apptesting/keepertest"
	assetskeeper "github.com/milkyway-labs/milkyway-rollup/x/assets/keeper"
	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	operatorskeeper "github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	poolskeeper "github.com/milkyway-labs/milkyway-rollup/x/pools/keeper"
	priceskeeper "github.com/milkyway-labs/milkyway-rollup/x/prices/keeper"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
	restakingkeeper "github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	rewardskeeper "github.com/milkyway-labs/milkyway-rollup/x/rewards/keeper"
	sequencerkeeper "github.com/milkyway-labs/milkyway-rollup/x/sequencer/keeper"
	serviceskeeper "github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
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
	authority = keepertest.Authority
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
const chainID = keepertest.ChainID

// genesisTime is the block time of the first block.
var genesisTime = keepertest.GenesisTime

// sequencerKey is the genesis sequencer's consensus key (CometBFT ed25519,
// the priv_validator key rollkit signs headers with).
var sequencerKey = keepertest.SequencerKey

// env runs slashing in the real app (app/apptesting/keepertest): the
// fields name the keepers the tests use.
type env struct {
	t         testing.TB
	f         *keepertest.Fixture
	ctx       sdk.Context
	cdc       codec.Codec
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

// setupFn runs after every other module's genesis and before slashing's:
// it may create services and operators and edit the slashing genesis.
type setupFn func(e *env, gs *types.GenesisState)

func newEnv(t testing.TB, setups ...setupFn) *env {
	f := keepertest.New(t, keepertest.EditModule(pricestypes.ModuleName, &pricestypes.GenesisState{},
		func(gs *pricestypes.GenesisState) {
			gs.Params.Feeders = []string{feeder}
			// Prices stay fresh for the whole test.
			gs.Params.MaxPriceAge = 365 * 24 * time.Hour
		}))
	k := f.App.Keepers
	e := &env{t: t, f: f, ctx: f.Ctx, cdc: f.App.AppCodec(),
		accounts: k.AccountKeeper, bank: k.BankKeeper, services: k.ServicesKeeper, pools: k.PoolsKeeper,
		operators: k.OperatorsKeeper, restaking: k.RestakingKeeper, assets: k.AssetsKeeper, prices: k.PricesKeeper,
		rewards: k.RewardsKeeper, sequencer: k.SequencerKeeper, k: k.SlashingKeeper}
	e.msgs = keeper.NewMsgServer(e.k)
	e.queries = keeper.NewQueryServer(e.k)
	for _, user := range []string{admin, op1Admin, op2Admin, seqAdmin, alice, bob, carol, dave, erin, eve} {
		e.fund(user, "1000000000000umilk,1000000000000umilktia,1000000000000uinit")
	}
	// Prices: MILK $2, MILKTIA $5, INIT $1, all with 6 decimals.
	for _, a := range []struct{ denom, ticker string }{{"umilk", "MILK"}, {"umilktia", "MILKTIA"}, {"uinit", "INIT"}} {
		_, err := assetskeeper.NewMsgServer(e.assets).RegisterAsset(e.ctx, &assetstypes.MsgRegisterAsset{
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
	// A slashing genesis may name services and operators that the setups
	// just created through Msgs, so it cannot go into InitChain: slashing's
	// store is emptied and its genesis loaded again, as on a fresh store.
	f.ClearStore(e.ctx, types.StoreKey)
	require.NoError(t, e.k.InitGenesis(e.ctx, gs))
	// The first block only records the allocation time; tests start after it.
	e.nextBlock(time.Second)
	return e
}

// freshSlashingStore is a branch of the state with slashing's store
// empty, for importing a slashing genesis beside the original.
func (e *env) freshSlashingStore() sdk.Context {
	ctx, _ := e.ctx.CacheContext()
	e.f.ClearStore(ctx, types.StoreKey)
	return ctx
}

// nextBlock ends the block in the app's order (slashing executes the
// slashes due before restaking pays matured unbondings), advances height
// and time, begins the next one and checks every invariant.
func (e *env) nextBlock(d time.Duration) {
	e.f.EndBlock(e.ctx)
	e.endEvents = e.ctx.EventManager().Events()
	e.ctx = keepertest.Advance(e.ctx, d)
	e.f.BeginBlock(e.ctx)
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

func (e *env) fund(to, amount string) { e.f.Fund(e.ctx, to, amount) }

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
