package keeper_test

import (
	"context"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/stretchr/testify/suite"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/prices/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/prices/types"
)

var authority, feeder1, feeder2, feeder3, feeder4, stranger string

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
	authority = authtypes.NewModuleAddress("gov").String()
	feeder1 = sdk.AccAddress([]byte("feeder-1____________")).String()
	feeder2 = sdk.AccAddress([]byte("feeder-2____________")).String()
	feeder3 = sdk.AccAddress([]byte("feeder-3____________")).String()
	feeder4 = sdk.AccAddress([]byte("feeder-4____________")).String()
	stranger = sdk.AccAddress([]byte("stranger____________")).String()
}

var t0 = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

type fakeAssets map[string]types.Asset

func (f fakeAssets) AssetOf(_ context.Context, denom string) (types.Asset, bool, error) {
	a, ok := f[denom]
	return a, ok, nil
}

type fakeClock struct{ t time.Time }

func (c *fakeClock) Now(context.Context) (time.Time, error) { return c.t, nil }

type PricesTestSuite struct {
	suite.Suite
	ctx   sdk.Context
	k     *keeper.Keeper
	msgs  types.MsgServer
	q     types.QueryServer
	clock *fakeClock
}

func TestPricesTestSuite(t *testing.T) { suite.Run(t, new(PricesTestSuite)) }

func (s *PricesTestSuite) SetupTest() {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	s.ctx = testutil.DefaultContextWithDB(s.T(), key, storetypes.NewTransientStoreKey("t")).Ctx.WithBlockTime(t0)
	assets := fakeAssets{
		"umilktia": {Ticker: "TIA", Exponent: 6},
		"umilk":    {Ticker: "MILK", Exponent: 6},
		"wei":      {Ticker: "ETH", Exponent: 18},
		"uinit":    {Ticker: "INIT", Exponent: 6}, // registered, never priced
	}
	s.k = keeper.NewKeeper(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()), runtime.NewKVStoreService(key), assets, authority)
	s.clock = &fakeClock{t: t0}
	s.k.SetClock(s.clock)
	gs := types.DefaultGenesis()
	gs.Params.Feeders = []string{feeder1, feeder2, feeder3, feeder4}
	s.Require().NoError(s.k.InitGenesis(s.ctx, gs))
	s.msgs = keeper.NewMsgServer(s.k)
	s.q = keeper.NewQueryServer(s.k)
}

func (s *PricesTestSuite) post(feeder, ticker, price string) {
	_, err := s.msgs.PostPrices(s.ctx, &types.MsgPostPrices{Feeder: feeder, Prices: []types.TickerPrice{
		{Ticker: ticker, Price: sdkmath.LegacyMustNewDecFromStr(price)},
	}})
	s.Require().NoError(err)
}

func (s *PricesTestSuite) TestPostPricesRejections() {
	dec := sdkmath.LegacyMustNewDecFromStr
	tests := []struct {
		name   string
		msg    *types.MsgPostPrices
		expErr error
	}{
		{"not a feeder", &types.MsgPostPrices{Feeder: stranger, Prices: []types.TickerPrice{{Ticker: "TIA", Price: dec("5")}}}, types.ErrNotFeeder},
		{"lower-case ticker", &types.MsgPostPrices{Feeder: feeder1, Prices: []types.TickerPrice{{Ticker: "tia", Price: dec("5")}}}, types.ErrInvalidTicker},
		{"zero price", &types.MsgPostPrices{Feeder: feeder1, Prices: []types.TickerPrice{{Ticker: "TIA", Price: dec("0")}}}, types.ErrInvalidPrice},
		{"negative price", &types.MsgPostPrices{Feeder: feeder1, Prices: []types.TickerPrice{{Ticker: "TIA", Price: dec("-1")}}}, types.ErrInvalidPrice},
		{"ticker twice", &types.MsgPostPrices{Feeder: feeder1, Prices: []types.TickerPrice{{Ticker: "TIA", Price: dec("5")}, {Ticker: "TIA", Price: dec("6")}}}, types.ErrInvalidTicker},
		{"nothing posted", &types.MsgPostPrices{Feeder: feeder1}, types.ErrInvalidPrice},
		{"bad address", &types.MsgPostPrices{Feeder: "milk1x", Prices: []types.TickerPrice{{Ticker: "TIA", Price: dec("5")}}}, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			before, err := s.k.ExportGenesis(s.ctx)
			s.Require().NoError(err)
			_, err = s.msgs.PostPrices(s.ctx, tc.msg)
			s.Require().ErrorIs(err, tc.expErr)
			after, err := s.k.ExportGenesis(s.ctx)
			s.Require().NoError(err)
			s.Require().Equal(before, after, "a rejected post changes nothing")
		})
	}
}

// TestMedianResistsAnOutlier: three feeders agree near 5, one posts 500.
func (s *PricesTestSuite) TestMedianResistsAnOutlier() {
	s.post(feeder1, "TIA", "5.00")
	s.post(feeder2, "TIA", "5.10")
	s.post(feeder3, "TIA", "500")
	res, err := s.q.Price(s.ctx, &types.QueryPriceRequest{Ticker: "TIA"})
	s.Require().NoError(err)
	s.Require().Equal("5.100000000000000000", res.Price.Price.String())
	s.Require().Equal(uint32(3), res.Price.FreshPosts)

	s.post(feeder4, "TIA", "4.90")
	res, err = s.q.Price(s.ctx, &types.QueryPriceRequest{Ticker: "TIA"})
	s.Require().NoError(err)
	s.Require().Equal("5.050000000000000000", res.Price.Price.String(), "even count: mean of the middle two")
}

// TestStalePricesValueAtZero: once every post is older than max_price_age
// the price is stale: zero, flagged, and valuation emits an event.
func (s *PricesTestSuite) TestStalePricesValueAtZero() {
	s.post(feeder1, "TIA", "5")
	s.post(feeder2, "TIA", "6")
	s.clock.t = t0.Add(types.DefaultMaxPriceAge)
	fresh, err := s.k.GetPrice(s.ctx, "TIA")
	s.Require().NoError(err)
	s.Require().False(fresh.Stale, "exactly max_price_age old still counts")

	s.clock.t = t0.Add(types.DefaultMaxPriceAge + time.Second)
	stale, err := s.k.GetPrice(s.ctx, "TIA")
	s.Require().NoError(err)
	s.Require().True(stale.Stale)
	s.Require().True(stale.Price.IsZero(), "never an old number")

	value, err := s.k.USDValue(s.ctx, sdk.NewCoins(sdk.NewInt64Coin("umilktia", 1_000_000)))
	s.Require().NoError(err)
	s.Require().True(value.IsZero())
	found := false
	for _, e := range s.ctx.EventManager().Events() {
		found = found || e.Type == "milkyway.prices.v1.EventStalePrice"
	}
	s.Require().True(found, "stale valuation emits EventStalePrice")
}

func (s *PricesTestSuite) TestUSDValue() {
	s.post(feeder1, "TIA", "5.25")
	s.post(feeder1, "MILK", "0.10")
	s.post(feeder1, "ETH", "3000")
	coins := sdk.NewCoins(
		sdk.NewInt64Coin("umilktia", 2_000_000),              // 2 TIA = 10.5
		sdk.NewInt64Coin("umilk", 50_000_000),                // 50 MILK = 5
		sdk.NewCoin("wei", sdkmath.NewIntWithDecimal(1, 17)), // 0.1 ETH = 300
		sdk.NewInt64Coin("uinit", 7),                         // registered, no price: 0
		sdk.NewInt64Coin("uatom", 1_000_000),                 // not registered: 0
	)
	res, err := s.q.USDValue(s.ctx, &types.QueryUSDValueRequest{Coins: coins.String()})
	s.Require().NoError(err)
	s.Require().Equal("315.500000000000000000", res.Value.String())

	_, err = s.q.USDValue(s.ctx, &types.QueryUSDValueRequest{Coins: "12"})
	s.Require().ErrorContains(err, "invalid coins")
}

// TestRemovedFeederNoLongerCounts: governance drops a feeder; its posts stop
// counting at once.
func (s *PricesTestSuite) TestRemovedFeederNoLongerCounts() {
	s.post(feeder1, "TIA", "5")
	s.post(feeder2, "TIA", "9")
	params := types.DefaultParams()
	params.Feeders = []string{feeder1}
	_, err := s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: authority, Params: params})
	s.Require().NoError(err)
	price, err := s.k.GetPrice(s.ctx, "TIA")
	s.Require().NoError(err)
	s.Require().Equal("5.000000000000000000", price.Price.String())

	_, err = s.msgs.PostPrices(s.ctx, &types.MsgPostPrices{Feeder: feeder2, Prices: []types.TickerPrice{{Ticker: "TIA", Price: sdkmath.LegacyNewDec(1)}}})
	s.Require().ErrorIs(err, types.ErrNotFeeder)
}

func (s *PricesTestSuite) TestUpdateParamsRejections() {
	_, err := s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: stranger, Params: types.DefaultParams()})
	s.Require().ErrorIs(err, access.ErrNotGovAuthority)
	bad := types.DefaultParams()
	bad.MaxPriceAge = 0
	_, err = s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: authority, Params: bad})
	s.Require().ErrorIs(err, types.ErrInvalidParams)
	dup := types.DefaultParams()
	dup.Feeders = []string{feeder1, feeder1}
	_, err = s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: authority, Params: dup})
	s.Require().ErrorIs(err, types.ErrInvalidParams)
}

func (s *PricesTestSuite) TestMissingPriceAndGenesis() {
	_, err := s.q.Price(s.ctx, &types.QueryPriceRequest{Ticker: "BABY"})
	s.Require().ErrorContains(err, "no price posted")
	s.post(feeder1, "TIA", "5")
	s.post(feeder2, "MILK", "0.1")
	exported, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	s.SetupTest()
	s.Require().NoError(s.k.InitGenesis(s.ctx, exported))
	again, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	s.Require().Equal(exported, again)

	bad := *exported
	bad.Posts = append(bad.Posts, types.PricePost{Ticker: "TIA", Feeder: stranger, Price: sdkmath.LegacyOneDec(), Time: t0})
	s.Require().ErrorIs(bad.Validate(), types.ErrInvalidGenesis)
}
