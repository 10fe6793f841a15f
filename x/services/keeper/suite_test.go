package keeper_test

import (
	"context"
	"errors"
	"testing"

	"cosmossdk.io/core/address"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/stretchr/testify/suite"

	"github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// Named fixtures, rendered with the chain's prefix (set first, in init).
var authority, admin, stranger, newAdmin string

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	authority = authtypes.NewModuleAddress("gov").String()
	admin = sdk.AccAddress([]byte("service-admin_______")).String()
	stranger = sdk.AccAddress([]byte("stranger____________")).String()
	newAdmin = sdk.AccAddress([]byte("new-admin___________")).String()
}

type KeeperTestSuite struct {
	suite.Suite
	ctx      sdk.Context
	k        *keeper.Keeper
	msgs     types.MsgServer
	queries  types.QueryServer
	pool     *fakeCommunityPool
	accounts *fakeAccounts
	guard    *fakeGuard
}

func TestKeeperTestSuite(t *testing.T) { suite.Run(t, new(KeeperTestSuite)) }

func (s *KeeperTestSuite) SetupTest() {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	s.ctx = testutil.DefaultContextWithDB(s.T(), key, storetypes.NewTransientStoreKey("t")).Ctx
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	s.pool = &fakeCommunityPool{}
	s.accounts = &fakeAccounts{accounts: map[string]bool{}}
	s.guard = &fakeGuard{}
	s.k = keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), s.accounts, s.pool, authority)
	s.k.SetDeletionGuard(s.guard)
	s.Require().NoError(s.k.InitGenesis(s.ctx, types.DefaultGenesis()))
	s.msgs = keeper.NewMsgServer(s.k)
	s.queries = keeper.NewQueryServer(s.k)
}

// createService registers a service by admin and returns its id.
func (s *KeeperTestSuite) createService(name string) uint32 {
	res, err := s.msgs.CreateService(s.ctx, &types.MsgCreateService{Sender: admin, Name: name})
	s.Require().NoError(err)
	return res.NewServiceId
}

// activeService registers and activates a service.
func (s *KeeperTestSuite) activeService() uint32 {
	id := s.createService("oracle")
	_, err := s.msgs.ActivateService(s.ctx, &types.MsgActivateService{Sender: admin, ServiceId: id})
	s.Require().NoError(err)
	return id
}

func (s *KeeperTestSuite) service(id uint32) types.Service {
	svc, err := s.k.GetService(s.ctx, id)
	s.Require().NoError(err)
	return svc
}

// exported returns the module state, to check that a rejection changed nothing.
func (s *KeeperTestSuite) exported() *types.GenesisState {
	gs, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	return gs
}

type fakeCommunityPool struct {
	funded sdk.Coins
	fail   bool
}

func (f *fakeCommunityPool) FundCommunityPool(_ context.Context, amount sdk.Coins, _ sdk.AccAddress) error {
	if f.fail {
		return errors.New("insufficient funds")
	}
	f.funded = f.funded.Add(amount...)
	return nil
}

type fakeAccounts struct{ accounts map[string]bool }

func (f *fakeAccounts) AddressCodec() address.Codec { return addresscodec.NewBech32Codec("milk") }
func (f *fakeAccounts) HasAccount(_ context.Context, addr sdk.AccAddress) bool {
	return f.accounts[addr.String()]
}

func (f *fakeAccounts) NewAccountWithAddress(_ context.Context, addr sdk.AccAddress) sdk.AccountI {
	return authtypes.NewBaseAccountWithAddress(addr)
}

func (f *fakeAccounts) SetAccount(_ context.Context, acc sdk.AccountI) {
	f.accounts[acc.GetAddress().String()] = true
}

type fakeGuard struct{ refuse error }

func (f *fakeGuard) CanDeleteService(context.Context, uint32) error { return f.refuse }
