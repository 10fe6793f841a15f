package keeper_test

import (
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/stretchr/testify/suite"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

// Named fixtures, rendered with the chain's prefix (set first, in init).
var authority, stranger string

// Named assets: two denoms share the ATOM ticker.
const ibcAtomDenom = "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2"

var (
	atom    = types.NewAsset("uatom", "ATOM", 6)
	ibcAtom = types.NewAsset(ibcAtomDenom, "ATOM", 6)
	milk    = types.NewAsset("umilk", "MILK", 6)
	tia     = types.NewAsset("utia", "TIA", 6)
)

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	authority = authtypes.NewModuleAddress("gov").String()
	stranger = sdk.AccAddress([]byte("stranger____________")).String()
}

type KeeperTestSuite struct {
	suite.Suite
	ctx     sdk.Context
	k       *keeper.Keeper
	msgs    types.MsgServer
	queries types.QueryServer
}

func TestKeeperTestSuite(t *testing.T) { suite.Run(t, new(KeeperTestSuite)) }

func (s *KeeperTestSuite) SetupTest() {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	s.ctx = testutil.DefaultContextWithDB(s.T(), key, storetypes.NewTransientStoreKey("t")).Ctx
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	s.k = keeper.NewKeeper(cdc, runtime.NewKVStoreService(key), authority)
	s.Require().NoError(s.k.InitGenesis(s.ctx, types.DefaultGenesis()))
	s.msgs = keeper.NewMsgServer(s.k)
	s.queries = keeper.NewQueryServer(s.k)
}

// register registers assets through governance.
func (s *KeeperTestSuite) register(assets ...types.Asset) {
	for _, a := range assets {
		_, err := s.msgs.RegisterAsset(s.ctx, types.NewMsgRegisterAsset(authority, a))
		s.Require().NoError(err)
	}
}

// exported returns the module state, to check that a rejection changed nothing.
func (s *KeeperTestSuite) exported() *types.GenesisState {
	gs, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	return gs
}

// tickerIndex returns the raw ticker index.
func (s *KeeperTestSuite) tickerIndex() [][2]string {
	idx, err := s.k.TickerIndex(s.ctx)
	s.Require().NoError(err)
	return idx
}

// requireIndexMatchesAssets checks that the ticker index has exactly one
// entry per asset, under the asset's current ticker.
func (s *KeeperTestSuite) requireIndexMatchesAssets() {
	var want [][2]string
	for _, a := range s.exported().Assets {
		want = append(want, [2]string{a.Ticker, a.Denom})
	}
	s.Require().ElementsMatch(want, s.tickerIndex())
}
