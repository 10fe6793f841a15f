package keeper_test

import (
	"context"
	"testing"

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
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
	"github.com/stretchr/testify/suite"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// Named fixtures, rendered with the chain's prefix (set first, in init):
// alice creates and administers denoms, bob holds them, mallory is a
// stranger, vault is an account another module keeps books for.
var authority, alice, bob, mallory, vault string

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	authority = authtypes.NewModuleAddress("gov").String()
	alice = sdk.AccAddress([]byte("alice_______________")).String()
	bob = sdk.AccAddress([]byte("bob_________________")).String()
	mallory = sdk.AccAddress([]byte("mallory_____________")).String()
	vault = sdk.AccAddress([]byte("restaking-vault_____")).String()
}

// KeeperTestSuite runs tokenfactory on real auth and bank keepers; the
// community pool is the distribution module account, funded through bank.
type KeeperTestSuite struct {
	suite.Suite
	ctx     sdk.Context
	bank    bankkeeper.BaseKeeper
	k       *keeper.Keeper
	msgs    types.MsgServer
	queries types.QueryServer
}

func TestKeeperTestSuite(t *testing.T) { suite.Run(t, new(KeeperTestSuite)) }

func (s *KeeperTestSuite) SetupTest() {
	keys := storetypes.NewKVStoreKeys(authtypes.StoreKey, banktypes.StoreKey, types.StoreKey)
	s.ctx = testutil.DefaultContextWithKeys(keys, nil, nil).WithBlockHeight(1)
	registry := codectypes.NewInterfaceRegistry()
	authtypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	kv := func(name string) corestore.KVStoreService { return runtime.NewKVStoreService(keys[name]) }

	perms := map[string][]string{
		minttypes.ModuleName:  {authtypes.Minter},
		distrtypes.ModuleName: nil,
		types.ModuleName:      {authtypes.Minter, authtypes.Burner},
	}
	accounts := authkeeper.NewAccountKeeper(cdc, kv(authtypes.StoreKey), authtypes.ProtoBaseAccount, perms,
		addresscodec.NewBech32Codec("milk"), "milk", authority)
	blocked := map[string]bool{}
	for name := range perms {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	s.bank = bankkeeper.NewBaseKeeper(cdc, kv(banktypes.StoreKey), accounts, blocked, authority, log.NewNopLogger())
	s.k = keeper.NewKeeper(cdc, kv(types.StoreKey), accounts, s.bank, communityPool{s.bank}, authority)
	s.k.SetCustodyChecks(func(_ context.Context, addr sdk.AccAddress) (bool, error) { return addr.String() == vault, nil })
	s.Require().NoError(s.k.InitGenesis(s.ctx, types.DefaultGenesis()))
	s.msgs = keeper.NewMsgServer(s.k)
	s.queries = keeper.NewQueryServer(s.k)
	for _, user := range []string{alice, bob, mallory, vault} {
		s.fund(user, "1000000umilk")
	}
}

// communityPool stands in for x/distribution: deposits go to its module
// account through the real bank.
type communityPool struct{ bank bankkeeper.BaseKeeper }

func (c communityPool) FundCommunityPool(ctx context.Context, amount sdk.Coins, sender sdk.AccAddress) error {
	return c.bank.SendCoinsFromAccountToModule(ctx, sender, distrtypes.ModuleName, amount)
}

func (s *KeeperTestSuite) fund(addr, amount string) {
	c, err := sdk.ParseCoinsNormalized(amount)
	s.Require().NoError(err)
	s.Require().NoError(s.bank.MintCoins(s.ctx, minttypes.ModuleName, c))
	s.Require().NoError(s.bank.SendCoinsFromModuleToAccount(s.ctx, minttypes.ModuleName, sdk.MustAccAddressFromBech32(addr), c))
}

func (s *KeeperTestSuite) balance(addr, denom string) sdkmath.Int {
	return s.bank.GetBalance(s.ctx, sdk.MustAccAddressFromBech32(addr), denom).Amount
}

func (s *KeeperTestSuite) supply(denom string) sdkmath.Int {
	return s.bank.GetSupply(s.ctx, denom).Amount
}

// createDenom creates factory/{creator}/{subdenom} and returns the denom.
func (s *KeeperTestSuite) createDenom(creator, subdenom string) string {
	res, err := s.msgs.CreateDenom(s.ctx, &types.MsgCreateDenom{Sender: creator, Subdenom: subdenom})
	s.Require().NoError(err)
	return res.NewTokenDenom
}

// lrt is alice's denom with 1000 minted to bob and 1000 to alice.
func (s *KeeperTestSuite) lrt() string {
	denom := s.createDenom(alice, "ulrt")
	for _, to := range []string{alice, bob} {
		_, err := s.msgs.Mint(s.ctx, &types.MsgMint{Sender: alice, Amount: coin(1000, denom), MintToAddress: to})
		s.Require().NoError(err)
	}
	return denom
}

func coin(amount int64, denom string) sdk.Coin {
	return sdk.Coin{Denom: denom, Amount: sdkmath.NewInt(amount)}
}

// state is everything a Msg could change: this module's state and the
// bank's (balances, supply, metadata).
type state struct {
	tokenfactory *types.GenesisState
	bank         *banktypes.GenesisState
}

func (s *KeeperTestSuite) state() state {
	gs, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	return state{tokenfactory: gs, bank: s.bank.ExportGenesis(s.ctx)}
}

// requireRejected runs a Msg that must fail with expErr and checks that
// it changed nothing, in this module or in the bank, and that the
// invariant still holds.
func (s *KeeperTestSuite) requireRejected(expErr error, run func() error) {
	before := s.state()
	err := run()
	s.Require().ErrorIs(err, expErr)
	s.Require().Equal(before, s.state(), "a rejected Msg must change nothing")
	msg, broken := s.k.DenomsInvariant(s.ctx)
	s.Require().False(broken, msg)
}

// requireEvent checks that the last event emitted has the typed event's name.
func (s *KeeperTestSuite) requireEvent(name string) {
	events := s.ctx.EventManager().Events()
	s.Require().NotEmpty(events)
	s.Require().Equal(name, events[len(events)-1].Type)
}
