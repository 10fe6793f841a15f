package keeper_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/core/address"
	"cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/stretchr/testify/suite"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// Named fixtures.
var (
	alice     = sdk.AccAddress("alice_______________").String()
	bob       = sdk.AccAddress("bob_________________").String()
	carol     = sdk.AccAddress("carol_______________").String()
	authority = authtypes.NewModuleAddress("gov").String()
	t0        = time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)

	rate10    = math.LegacyNewDecWithPrec(10, 2) // 0.10
	rate20    = math.LegacyNewDecWithPrec(20, 2) // 0.20
	change1   = math.LegacyNewDecWithPrec(1, 2)  // 0.01
	errHook   = errors.New("hook failed")
	errRefuse = errors.New("operator still has delegations")
)

// KeeperTestSuite runs the keeper on a real store with hand-written fakes
// for the other modules.
type KeeperTestSuite struct {
	suite.Suite

	ctx   sdk.Context
	cdc   codec.Codec
	k     *keeper.Keeper
	ms    types.MsgServer
	qs    types.QueryServer
	pool  *fakeCommunityPool
	hooks *recordingHooks
	guard *fakeGuard
}

func TestKeeperTestSuite(t *testing.T) { suite.Run(t, new(KeeperTestSuite)) }

func (s *KeeperTestSuite) SetupTest() {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	s.ctx = testutil.DefaultContextWithDB(s.T(), key, storetypes.NewTransientStoreKey("t")).Ctx.WithBlockTime(t0)
	registry := codectypes.NewInterfaceRegistry()
	types.RegisterInterfaces(registry)
	s.pool = &fakeCommunityPool{}
	s.hooks = &recordingHooks{}
	s.guard = &fakeGuard{}
	s.cdc = codec.NewProtoCodec(registry)
	s.k = keeper.NewKeeper(s.cdc, runtime.NewKVStoreService(key),
		fakeAccountKeeper{addresscodec.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix())},
		s.pool, authority)
	s.k.SetHooks(s.hooks)
	s.k.SetDeletionGuard(s.guard)
	s.ms = keeper.NewMsgServer(s.k)
	s.qs = keeper.NewQueryServer(s.k)
	s.Require().NoError(s.k.InitGenesis(s.ctx, types.DefaultGenesis()))
}

// register registers an operator for admin with commission 0.10 (max 0.20,
// max change 0.01) and returns its id.
func (s *KeeperTestSuite) register(admin string) uint32 {
	res, err := s.ms.RegisterOperator(s.ctx, newRegisterMsg(admin))
	s.Require().NoError(err)
	return res.NewOperatorId
}

func newRegisterMsg(sender string) *types.MsgRegisterOperator {
	return &types.MsgRegisterOperator{
		Sender: sender, Moniker: "Validator One", Website: "https://one.example", PictureUrl: "https://one.example/p.png",
		CommissionRate: rate10, MaxCommissionRate: rate20, MaxCommissionChangeRate: change1,
	}
}

// deactivate starts the inactivation of operator id (admin alice).
func (s *KeeperTestSuite) deactivate(id uint32) {
	_, err := s.ms.DeactivateOperator(s.ctx, &types.MsgDeactivateOperator{Sender: alice, OperatorId: id})
	s.Require().NoError(err)
}

// makeInactive takes operator id (admin alice) to INACTIVE through the queue.
func (s *KeeperTestSuite) makeInactive(id uint32) {
	s.deactivate(id)
	s.advance(types.DefaultDeactivationTime)
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	s.Require().Equal(types.OPERATOR_STATUS_INACTIVE, s.operator(id).Status)
}

func (s *KeeperTestSuite) advance(d time.Duration) {
	s.ctx = s.ctx.WithBlockTime(s.ctx.BlockTime().Add(d))
}

func (s *KeeperTestSuite) operator(id uint32) types.Operator {
	op, err := s.k.GetOperator(s.ctx, id)
	s.Require().NoError(err)
	return op
}

func (s *KeeperTestSuite) setParams(p types.Params) {
	s.Require().NoError(s.k.SetParams(s.ctx, p))
}

// moduleState is everything the module stores, for "nothing changed" checks.
type moduleState struct {
	Genesis *types.GenesisState
	Ends    map[uint32]time.Time
}

func (s *KeeperTestSuite) state() moduleState {
	gs, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	ends, err := s.k.InactivationEnds(s.ctx)
	s.Require().NoError(err)
	return moduleState{gs, ends}
}

// eventTypes lists the types of the events emitted since the context's
// event manager was reset.
func (s *KeeperTestSuite) eventTypes() []string {
	var out []string
	for _, e := range s.ctx.EventManager().Events() {
		out = append(out, e.Type)
	}
	return out
}

// msgCase is one table case of a Msg handler test.
type msgCase[M, R any] struct {
	name   string
	setup  func(s *KeeperTestSuite)
	msg    M
	expErr error
	check  func(s *KeeperTestSuite, res R)
}

// runMsgCases runs each case on a fresh store. A rejected Msg must return
// the expected error and leave the store, the community pool and the events
// untouched.
func runMsgCases[M, R any](s *KeeperTestSuite, cases []msgCase[M, R], deliver func(context.Context, M) (R, error)) {
	for _, tc := range cases {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.setup != nil {
				tc.setup(s)
			}
			before, funded, hookCalls := s.state(), len(s.pool.calls), len(s.hooks.calls)
			s.ctx = s.ctx.WithEventManager(sdk.NewEventManager())
			res, err := deliver(s.ctx, tc.msg)
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.state(), "a rejected msg must change nothing")
				s.Require().Len(s.pool.calls, funded)
				s.Require().Len(s.hooks.calls, hookCalls)
				s.Require().Empty(s.ctx.EventManager().Events())
				return
			}
			s.Require().NoError(err)
			if tc.check != nil {
				tc.check(s, res)
			}
		})
	}
}

// fakeAccountKeeper provides the address codec.
type fakeAccountKeeper struct{ ac address.Codec }

func (f fakeAccountKeeper) AddressCodec() address.Codec { return f.ac }

// fakeCommunityPool records successful FundCommunityPool calls; set err to
// make it fail without recording.
type fakeCommunityPool struct {
	calls []fundCall
	err   error
}

type fundCall struct {
	Amount sdk.Coins
	Sender sdk.AccAddress
}

func (f *fakeCommunityPool) FundCommunityPool(_ context.Context, amount sdk.Coins, sender sdk.AccAddress) error {
	if f.err != nil {
		return f.err
	}
	f.calls = append(f.calls, fundCall{amount, sender})
	return nil
}

// recordingHooks records each call as "Name:id"; failOn makes that hook
// return errHook.
type recordingHooks struct {
	calls  []string
	failOn string
}

func (h *recordingHooks) record(name string, id uint32) error {
	if h.failOn == name {
		return errHook
	}
	h.calls = append(h.calls, fmt.Sprintf("%s:%d", name, id))
	return nil
}

func (h *recordingHooks) AfterOperatorRegistered(_ context.Context, id uint32) error {
	return h.record("AfterOperatorRegistered", id)
}

func (h *recordingHooks) AfterOperatorInactivatingStarted(_ context.Context, id uint32) error {
	return h.record("AfterOperatorInactivatingStarted", id)
}

func (h *recordingHooks) AfterOperatorInactivatingCompleted(_ context.Context, id uint32) error {
	return h.record("AfterOperatorInactivatingCompleted", id)
}

func (h *recordingHooks) AfterOperatorReactivated(_ context.Context, id uint32) error {
	return h.record("AfterOperatorReactivated", id)
}

func (h *recordingHooks) BeforeOperatorDeleted(_ context.Context, id uint32) error {
	return h.record("BeforeOperatorDeleted", id)
}

// fakeGuard refuses deletions with err when set and records what it was
// asked.
type fakeGuard struct {
	asked []uint32
	err   error
}

func (g *fakeGuard) CanDeleteOperator(_ context.Context, id uint32) error {
	g.asked = append(g.asked, id)
	return g.err
}

// coins parses a coins literal such as "100umilk,5uatom".
func coins(s string) sdk.Coins {
	c, err := sdk.ParseCoinsNormalized(s)
	if err != nil {
		panic(err)
	}
	return c
}
