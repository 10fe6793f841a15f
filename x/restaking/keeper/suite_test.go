package keeper_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	"github.com/stretchr/testify/suite"

	"github.com/milkyway-labs/milkyway-rollup/app/apptesting/keepertest"
	operatorskeeper "github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	poolskeeper "github.com/milkyway-labs/milkyway-rollup/x/pools/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	serviceskeeper "github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// Named fixtures, rendered with the chain's prefix in init.
var authority, alice, bob string

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	authority = keepertest.Authority
	alice = sdk.AccAddress([]byte("alice_______________")).String()
	bob = sdk.AccAddress([]byte("bob_________________")).String()
}

// genesisTime is the block time of the suite's first block.
var genesisTime = keepertest.GenesisTime

// KeeperTestSuite runs restaking in the real app (app/apptesting/keepertest):
// pools, services and operators, rewards and slashing hooks and guards,
// prices and liquid vesting's restriction all wired as app/keepers.go
// wires them. The fields name the keepers the tests use.
type KeeperTestSuite struct {
	suite.Suite
	f         *keepertest.Fixture
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
	s.f = keepertest.New(s.T())
	s.ctx = s.f.Ctx
	k := s.f.App.Keepers
	s.bank, s.services, s.pools, s.operators, s.k = k.BankKeeper, k.ServicesKeeper, k.PoolsKeeper, k.OperatorsKeeper,
		k.RestakingKeeper
	s.msgs = keeper.NewMsgServer(s.k)
	s.queries = keeper.NewQueryServer(s.k)
	for _, user := range []string{alice, bob} {
		s.fund(user, "1000000000umilk,1000000000umilktia,1000000000uinit")
	}
}

func (s *KeeperTestSuite) fund(addr, amount string) { s.f.Fund(s.ctx, addr, amount) }

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
	s.ctx = s.f.NextBlock(s.ctx, d)
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
