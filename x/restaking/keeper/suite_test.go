package keeper_test

import (
	"testing"
	"time"

	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
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
	"github.com/stretchr/testify/suite"

	operatorskeeper "github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	poolskeeper "github.com/milkyway-labs/milkyway-rollup/x/pools/keeper"
	poolstypes "github.com/milkyway-labs/milkyway-rollup/x/pools/types"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	serviceskeeper "github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// Named fixtures, rendered with the chain's prefix in init.
var authority, alice, bob string

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	authority = authtypes.NewModuleAddress("gov").String()
	alice = sdk.AccAddress([]byte("alice_______________")).String()
	bob = sdk.AccAddress([]byte("bob_________________")).String()
}

// genesisTime is the block time of the suite's first block.
var genesisTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// KeeperTestSuite runs restaking on real auth, bank, pools, services and
// operators keepers over one multistore, wired to each other (hooks,
// deletion guards, the restaking clock) as the app wires them.
type KeeperTestSuite struct {
	suite.Suite
	ctx       sdk.Context
	bank      bankkeeper.BaseKeeper
	services  *serviceskeeper.Keeper
	pools     *poolskeeper.Keeper
	operators *operatorskeeper.Keeper
	k         *keeper.Keeper
	msgs      types.MsgServer
	queries   types.QueryServer
}

func TestKeeperTestSuite(t *testing.T) { suite.Run(t, new(KeeperTestSuite)) }

func (s *KeeperTestSuite) SetupTest() {
	keys := storetypes.NewKVStoreKeys(authtypes.StoreKey, banktypes.StoreKey, servicestypes.StoreKey,
		poolstypes.StoreKey, operatorstypes.StoreKey, types.StoreKey)
	s.ctx = testutil.DefaultContextWithKeys(keys, nil, nil).WithBlockTime(genesisTime).WithBlockHeight(1)
	registry := codectypes.NewInterfaceRegistry()
	authtypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	kv := func(name string) corestore.KVStoreService { return runtime.NewKVStoreService(keys[name]) }

	accounts := authkeeper.NewAccountKeeper(cdc, kv(authtypes.StoreKey), authtypes.ProtoBaseAccount,
		map[string][]string{minttypes.ModuleName: {authtypes.Minter}}, addresscodec.NewBech32Codec("milk"), "milk", authority)
	s.bank = bankkeeper.NewBaseKeeper(cdc, kv(banktypes.StoreKey), accounts, nil, authority, log.NewNopLogger())
	s.services = serviceskeeper.NewKeeper(cdc, kv(servicestypes.StoreKey), accounts, nil, authority)
	s.pools = poolskeeper.NewKeeper(cdc, kv(poolstypes.StoreKey), accounts)
	s.operators = operatorskeeper.NewKeeper(cdc, kv(operatorstypes.StoreKey), accounts, nil, authority)
	s.k = keeper.NewKeeper(cdc, kv(types.StoreKey), s.bank, s.pools, s.operators, s.services, authority)
	// Wired as in app/keepers.go.
	s.services.SetDeletionGuard(s.k.DeletionGuard())
	s.operators.SetDeletionGuard(s.k.DeletionGuard())
	s.services.SetHooks(s.k.TargetHooks())
	s.operators.SetHooks(s.k.TargetHooks())
	s.operators.SetClock(s.k)
	s.Require().NoError(s.operators.InitGenesis(s.ctx, operatorstypes.DefaultGenesis()))

	s.Require().NoError(s.services.InitGenesis(s.ctx, servicestypes.DefaultGenesis()))
	s.Require().NoError(s.pools.InitGenesis(s.ctx, poolstypes.DefaultGenesis()))
	s.Require().NoError(s.k.InitGenesis(s.ctx, types.DefaultGenesis()))
	s.msgs = keeper.NewMsgServer(s.k)
	s.queries = keeper.NewQueryServer(s.k)
	for _, user := range []string{alice, bob} {
		s.fund(user, "1000000000umilk,1000000000umilktia,1000000000uinit")
	}
}

func (s *KeeperTestSuite) fund(addr, amount string) {
	coins, err := sdk.ParseCoinsNormalized(amount)
	s.Require().NoError(err)
	s.Require().NoError(s.bank.MintCoins(s.ctx, minttypes.ModuleName, coins))
	s.Require().NoError(s.bank.SendCoinsFromModuleToAccount(s.ctx, minttypes.ModuleName, sdk.MustAccAddressFromBech32(addr), coins))
}

func (s *KeeperTestSuite) balance(addr, denom string) sdkmath.Int {
	return s.bank.GetBalance(s.ctx, sdk.MustAccAddressFromBech32(addr), denom).Amount
}

// activeService registers and activates a service; allowed narrows its denoms.
func (s *KeeperTestSuite) activeService(allowed ...string) uint32 {
	msgs := serviceskeeper.NewMsgServer(s.services)
	res, err := msgs.CreateService(s.ctx, &servicestypes.MsgCreateService{Sender: bob, Name: "oracle"})
	s.Require().NoError(err)
	_, err = msgs.ActivateService(s.ctx, &servicestypes.MsgActivateService{Sender: bob, ServiceId: res.NewServiceId})
	s.Require().NoError(err)
	if len(allowed) > 0 {
		_, err = msgs.SetServiceParams(s.ctx, &servicestypes.MsgSetServiceParams{Sender: bob, ServiceId: res.NewServiceId,
			ServiceParams: servicestypes.ServiceParams{AllowedDenoms: allowed}})
		s.Require().NoError(err)
	}
	return res.NewServiceId
}

// nextBlock ends the block, advances time and begins the next one, in the
// app's module order.
func (s *KeeperTestSuite) nextBlock(d time.Duration) {
	s.Require().NoError(s.k.EndBlocker(s.ctx))
	s.ctx = s.ctx.WithBlockHeight(s.ctx.BlockHeight() + 1).WithBlockTime(s.ctx.BlockTime().Add(d))
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	s.Require().NoError(s.operators.BeginBlocker(s.ctx))
	msg, broken := s.k.StakeInvariant(s.ctx)
	s.Require().False(broken, msg)
	msg, broken = s.k.SecurityInvariant(s.ctx)
	s.Require().False(broken, msg)
}

func (s *KeeperTestSuite) exported() *types.GenesisState {
	gs, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	return gs
}

func coins(s string) sdk.Coins {
	c, err := sdk.ParseCoinsNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}

// registerOperator registers an ACTIVE operator with admin alice and
// returns its id (ids count from 1).
func (s *KeeperTestSuite) registerOperator() uint32 {
	res, err := operatorskeeper.NewMsgServer(s.operators).RegisterOperator(s.ctx, &operatorstypes.MsgRegisterOperator{
		Sender: alice, Moniker: "operator",
		CommissionRate: sdkmath.LegacyNewDecWithPrec(1, 1), MaxCommissionRate: sdkmath.LegacyNewDecWithPrec(2, 1),
		MaxCommissionChangeRate: sdkmath.LegacyNewDecWithPrec(1, 2),
	})
	s.Require().NoError(err)
	return res.NewOperatorId
}

// deactivateOperator starts the operator's inactivation (INACTIVATING).
func (s *KeeperTestSuite) deactivateOperator(id uint32) {
	_, err := operatorskeeper.NewMsgServer(s.operators).DeactivateOperator(s.ctx, &operatorstypes.MsgDeactivateOperator{Sender: alice, OperatorId: id})
	s.Require().NoError(err)
}

// makeOperatorInactive deactivates the operator and lets blocks pass on
// the restaking clock until it is INACTIVE.
func (s *KeeperTestSuite) makeOperatorInactive(id uint32) {
	s.deactivateOperator(id)
	for s.operatorStatus(id) != operatorstypes.OPERATOR_STATUS_INACTIVE {
		s.nextBlock(time.Hour)
	}
}

func (s *KeeperTestSuite) operatorStatus(id uint32) operatorstypes.OperatorStatus {
	op, err := s.operators.GetOperator(s.ctx, id)
	s.Require().NoError(err)
	return op.Status
}
