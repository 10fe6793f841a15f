package keeper_test

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/app/apptesting/keepertest"
	assetskeeper "github.com/milkyway-labs/milkyway-rollup/x/assets/keeper"
	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	operatorskeeper "github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	priceskeeper "github.com/milkyway-labs/milkyway-rollup/x/prices/keeper"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
	restakingkeeper "github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	serviceskeeper "github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// Named fixtures, rendered with the chain's prefix in init.
var authority, admin, feeder, alice, bob, carol string

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	authority = keepertest.Authority
	admin = addr("admin")
	feeder = addr("feeder")
	alice, bob, carol = addr("alice"), addr("bob"), addr("carol")
}

func addr(name string) string {
	b := make([]byte, 20)
	copy(b, name)
	return sdk.AccAddress(b).String()
}

// communityName is the module account holding the community pool, which
// rewards' fees fund through x/distribution as in the app.
const communityName = distrtypes.ModuleName

// env runs rewards in the real app (app/apptesting/keepertest): the
// fields name the keepers the tests use.
type env struct {
	t         testing.TB
	f         *keepertest.Fixture
	ctx       sdk.Context
	accounts  authkeeper.AccountKeeper
	bank      bankkeeper.BaseKeeper
	services  *serviceskeeper.Keeper
	operators *operatorskeeper.Keeper
	restaking *restakingkeeper.Keeper
	assets    *assetskeeper.Keeper
	prices    *priceskeeper.Keeper
	k         *keeper.Keeper
	msgs      types.MsgServer
	queries   types.QueryServer
	// checkInvariants runs every rewards and restaking invariant each block.
	checkInvariants bool
}

func newEnv(t testing.TB) *env {
	f := keepertest.New(t, keepertest.EditModule(pricestypes.ModuleName, &pricestypes.GenesisState{},
		func(gs *pricestypes.GenesisState) {
			gs.Params.Feeders = []string{feeder}
			// Prices stay fresh for the whole test unless a test ages them on purpose.
			gs.Params.MaxPriceAge = 365 * 24 * time.Hour
		}))
	k := f.App.Keepers
	e := &env{t: t, f: f, ctx: f.Ctx, checkInvariants: true,
		accounts: k.AccountKeeper, bank: k.BankKeeper, services: k.ServicesKeeper, operators: k.OperatorsKeeper,
		restaking: k.RestakingKeeper, assets: k.AssetsKeeper, prices: k.PricesKeeper, k: k.RewardsKeeper}
	e.msgs = keeper.NewMsgServer(e.k)
	e.queries = keeper.NewQueryServer(e.k)
	for _, user := range []string{admin, alice, bob, carol} {
		e.fund(user, "1000000000000umilk,1000000000000umilktia,1000000000000uinit")
	}
	// Prices: MILK $2, MILKTIA $5, INIT $1, all with 6 decimals.
	for denom, ticker := range map[string]string{"umilk": "MILK", "umilktia": "MILKTIA", "uinit": "INIT"} {
		_, err := assetskeeper.NewMsgServer(e.assets).RegisterAsset(e.ctx, &assetstypes.MsgRegisterAsset{
			Authority: authority, Asset: assetstypes.Asset{Denom: denom, Ticker: ticker, Exponent: 6}})
		require.NoError(t, err)
	}
	e.postPrices(map[string]int64{"MILK": 2, "MILKTIA": 5, "INIT": 1})
	// The first block only records the allocation time; tests start after it.
	e.nextBlock(time.Second)
	return e
}

func (e *env) fund(to, amount string) { e.f.Fund(e.ctx, to, amount) }

func (e *env) balance(of, denom string) sdkmath.Int {
	return e.bank.GetBalance(e.ctx, sdk.MustAccAddressFromBech32(of), denom).Amount
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

// service creates and activates a service administered by admin.
func (e *env) service() uint32 {
	msgs := serviceskeeper.NewMsgServer(e.services)
	res, err := msgs.CreateService(e.ctx, &servicestypes.MsgCreateService{Sender: admin, Name: "oracle"})
	require.NoError(e.t, err)
	_, err = msgs.ActivateService(e.ctx, &servicestypes.MsgActivateService{Sender: admin, ServiceId: res.NewServiceId})
	require.NoError(e.t, err)
	return res.NewServiceId
}

// operator registers an operator (admin: owner) with a commission rate
// and joins it to service.
func (e *env) operator(owner string, commissionPercent int64, service uint32) uint32 {
	res, err := operatorskeeper.NewMsgServer(e.operators).RegisterOperator(e.ctx, &operatorstypes.MsgRegisterOperator{
		Sender: owner, Moniker: "operator",
		CommissionRate: sdkmath.LegacyNewDecWithPrec(commissionPercent, 2), MaxCommissionRate: sdkmath.LegacyOneDec(),
		MaxCommissionChangeRate: sdkmath.LegacyNewDecWithPrec(1, 2),
	})
	require.NoError(e.t, err)
	_, err = restakingkeeper.NewMsgServer(e.restaking).JoinService(e.ctx, &restakingtypes.MsgJoinService{
		Sender: owner, OperatorId: res.NewOperatorId, ServiceId: service})
	require.NoError(e.t, err)
	return res.NewOperatorId
}

func (e *env) borrowPool(service, pool uint32) {
	_, err := restakingkeeper.NewMsgServer(e.restaking).BorrowPoolSecurity(e.ctx, &restakingtypes.MsgBorrowPoolSecurity{
		Sender: admin, ServiceId: service, PoolId: pool})
	require.NoError(e.t, err)
}

func (e *env) trust(user string, services ...uint32) {
	prefs := restakingtypes.UserPreferences{}
	for _, id := range services {
		prefs.TrustedServices = append(prefs.TrustedServices, restakingtypes.TrustedServiceEntry{ServiceId: id})
	}
	_, err := restakingkeeper.NewMsgServer(e.restaking).SetUserPreferences(e.ctx, &restakingtypes.MsgSetUserPreferences{
		User: user, Preferences: prefs})
	require.NoError(e.t, err)
}

func (e *env) delegate(user string, t restakingtypes.DelegationType, id uint32, amount string) {
	msgs := restakingkeeper.NewMsgServer(e.restaking)
	var err error
	switch t {
	case restakingtypes.DELEGATION_TYPE_POOL:
		_, err = msgs.DelegatePool(e.ctx, &restakingtypes.MsgDelegatePool{Delegator: user, Amount: coins(amount)[0]})
	case restakingtypes.DELEGATION_TYPE_OPERATOR:
		_, err = msgs.DelegateOperator(e.ctx, &restakingtypes.MsgDelegateOperator{Delegator: user, OperatorId: id, Amount: coins(amount)})
	default:
		_, err = msgs.DelegateService(e.ctx, &restakingtypes.MsgDelegateService{Delegator: user, ServiceId: id, Amount: coins(amount)})
	}
	require.NoError(e.t, err)
}

func (e *env) undelegate(user string, t restakingtypes.DelegationType, id uint32, amount string) error {
	msgs := restakingkeeper.NewMsgServer(e.restaking)
	var err error
	switch t {
	case restakingtypes.DELEGATION_TYPE_POOL:
		_, err = msgs.UndelegatePool(e.ctx, &restakingtypes.MsgUndelegatePool{Delegator: user, Amount: coins(amount)[0]})
	case restakingtypes.DELEGATION_TYPE_OPERATOR:
		_, err = msgs.UndelegateOperator(e.ctx, &restakingtypes.MsgUndelegateOperator{Delegator: user, OperatorId: id, Amount: coins(amount)})
	default:
		_, err = msgs.UndelegateService(e.ctx, &restakingtypes.MsgUndelegateService{Delegator: user, ServiceId: id, Amount: coins(amount)})
	}
	return err
}

// plan creates a plan paying perDay for 30 days from now, funded with funds.
func (e *env) plan(service uint32, perDay, funds string, pools, operators types.Distribution, users uint32) uint64 {
	res, err := e.msgs.CreateRewardsPlan(e.ctx, &types.MsgCreateRewardsPlan{
		Sender: admin, ServiceId: service, Description: "test plan", AmountPerDay: coins(perDay)[0],
		StartTime: e.ctx.BlockTime(), EndTime: e.ctx.BlockTime().Add(30 * 24 * time.Hour),
		PoolsDistribution: pools, OperatorsDistribution: operators, UsersDistribution: types.UsersDistribution{Weight: users},
		Funds: coins(funds)[0],
	})
	require.NoError(e.t, err)
	return res.PlanId
}

// nextBlock ends the block, advances time and begins the next one in the
// app's module order, then checks the invariants.
func (e *env) nextBlock(d time.Duration) {
	e.ctx = e.f.NextBlock(e.ctx, d)
	if e.checkInvariants {
		e.requireInvariants()
	}
}

func (e *env) requireInvariants() {
	for name, check := range map[string]func(context.Context) (string, bool){
		"module-account": e.k.ModuleAccountInvariant, "escrow": e.k.EscrowInvariant,
		"can-withdraw": e.k.CanWithdrawInvariant, "pool-shares": e.k.PoolSharesInvariant,
		"stake": e.restaking.StakeInvariant,
	} {
		msg, broken := check(e.ctx)
		require.False(e.t, broken, "%s: %s", name, msg)
	}
}

func coins(s string) sdk.Coins {
	c, err := sdk.ParseCoinsNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

func basic(weight uint32) types.Distribution {
	return types.Distribution{Type: types.DISTRIBUTION_TYPE_BASIC, Weight: weight}
}

func mustAcc(a string) sdk.AccAddress { return sdk.MustAccAddressFromBech32(a) }

func operatorsMsgs(e *env) operatorstypes.MsgServer { return operatorskeeper.NewMsgServer(e.operators) }

func deactivate(sender string, id uint32) *operatorstypes.MsgDeactivateOperator {
	return &operatorstypes.MsgDeactivateOperator{Sender: sender, OperatorId: id}
}

func (e *env) addFeeders(names ...string) {
	params, err := e.prices.GetParams(e.ctx)
	require.NoError(e.t, err)
	for _, n := range names {
		params.Feeders = append(params.Feeders, addr(n))
	}
	_, err = priceskeeper.NewMsgServer(e.prices).UpdateParams(e.ctx, &pricestypes.MsgUpdateParams{Authority: authority, Params: params})
	require.NoError(e.t, err)
}

func (e *env) setMaxPriceAge(d time.Duration) {
	params, err := e.prices.GetParams(e.ctx)
	require.NoError(e.t, err)
	params.MaxPriceAge = d
	_, err = priceskeeper.NewMsgServer(e.prices).UpdateParams(e.ctx, &pricestypes.MsgUpdateParams{Authority: authority, Params: params})
	require.NoError(e.t, err)
}

func (e *env) postAs(from, ticker string, price int64) {
	_, err := priceskeeper.NewMsgServer(e.prices).PostPrices(e.ctx, &pricestypes.MsgPostPrices{Feeder: from,
		Prices: []pricestypes.TickerPrice{{Ticker: ticker, Price: sdkmath.LegacyNewDec(price)}}})
	require.NoError(e.t, err)
}

// registerAsset (re)registers denom under ticker.
func (e *env) registerAsset(denom, ticker string) {
	msgs := assetskeeper.NewMsgServer(e.assets)
	_, _ = msgs.DeregisterAsset(e.ctx, &assetstypes.MsgDeregisterAsset{Authority: authority, Denom: denom})
	_, err := msgs.RegisterAsset(e.ctx, &assetstypes.MsgRegisterAsset{Authority: authority,
		Asset: assetstypes.Asset{Denom: denom, Ticker: ticker, Exponent: 6}})
	require.NoError(e.t, err)
}

func restakingMsgs(e *env) restakingtypes.MsgServer { return restakingkeeper.NewMsgServer(e.restaking) }

func sortedIDs(m map[uint64]bool) []uint64 {
	ids := make([]uint64, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

func errFromPanic(r any) error { return fmt.Errorf("panic: %v", r) }
