package assets_test

import (
	"strings"
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/gogoproto/proto"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
	"github.com/stretchr/testify/suite"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/app/apptesting"
	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	poolstypes "github.com/milkyway-labs/milkyway-rollup/x/pools/types"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	rewardstypes "github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// Fixtures: the holder receives arrived umilk vouchers over the localhost
// channel; governance prices them as MILK at price USD each (6 decimals).
const (
	sequencingService = uint32(1) // ACTIVE, administered by governance
	arrived           = int64(10_000_000)
	ticker            = "MILK"
)

var (
	gov   = authtypes.NewModuleAddress(govtypes.ModuleName).String()
	price = sdkmath.LegacyMustNewDecFromStr("2.5")
)

// CollateralTestSuite runs the real app (apptesting.TransferChain): an
// umilk transfer from channel-0 arrives on channel-1 as the voucher
// ibc/HASH(transfer/channel-1/umilk), which is then registered, priced,
// allowed by a service and restaked.
type CollateralTestSuite struct {
	suite.Suite
	chain   *apptesting.TransferChain
	holder  sdk.AccAddress // received the vouchers
	feeder  sdk.AccAddress // a price feeder, once set
	voucher string
}

func TestCollateral(t *testing.T) { suite.Run(t, new(CollateralTestSuite)) }

func (s *CollateralTestSuite) SetupTest() {
	chain, err := apptesting.NewTransferChain("assets-1", nil)
	s.Require().NoError(err)
	s.chain, s.holder, s.feeder = chain, apptesting.NewAccount(), apptesting.NewAccount()
	s.voucher = apptesting.Voucher(app.BondDenom)

	packet, err := chain.Send(sdk.NewInt64Coin(app.BondDenom, arrived), s.holder.String(), "")
	s.Require().NoError(err)
	ack, _, err := chain.Recv(packet)
	s.Require().NoError(err)
	var decoded channeltypes.Acknowledgement
	s.Require().NoError(channeltypes.SubModuleCdc.UnmarshalJSON(ack, &decoded))
	s.Require().True(decoded.Success(), "%s", ack)
	s.Require().Equal(sdk.NewInt64Coin(s.voucher, arrived), chain.App.BankKeeper.GetBalance(chain.Ctx, s.holder, s.voucher), "the voucher arrived")
}

func (s *CollateralTestSuite) deliver(msg sdk.Msg) []abci.Event {
	events, err := s.chain.Deliver(msg)
	s.Require().NoError(err, "%T", msg)
	return events
}

// query runs a query through the app's gRPC query router, the path the
// CLI and gRPC clients take, with the request proto-encoded.
func (s *CollateralTestSuite) query(method string, req, res proto.Message) {
	handler := s.chain.App.GRPCQueryRouter().Route(method)
	s.Require().NotNil(handler, method)
	bz, err := proto.Marshal(req)
	s.Require().NoError(err)
	out, err := handler(s.chain.Ctx, &abci.RequestQuery{Path: method, Data: bz})
	s.Require().NoError(err, method)
	s.Require().NoError(proto.Unmarshal(out.Value, res))
}

// register registers the voucher as MILK through the governance authority.
func (s *CollateralTestSuite) register() {
	s.deliver(types.NewMsgRegisterAsset(gov, types.NewAsset(s.voucher, ticker, 6)))
}

// postPrice makes the feeder a feeder and posts the MILK price.
func (s *CollateralTestSuite) postPrice() {
	s.deliver(&pricestypes.MsgUpdateParams{Authority: gov, Params: pricestypes.Params{Feeders: []string{s.feeder.String()}, MaxPriceAge: time.Hour}})
	s.deliver(&pricestypes.MsgPostPrices{Feeder: s.feeder.String(), Prices: []pricestypes.TickerPrice{{Ticker: ticker, Price: price}}})
}

// allowInService sets the sequencing service's allowed denoms (its admin
// is governance).
func (s *CollateralTestSuite) allowInService(denoms ...string) {
	s.deliver(&servicestypes.MsgSetServiceParams{Sender: gov, ServiceId: sequencingService,
		ServiceParams: servicestypes.ServiceParams{AllowedDenoms: denoms}})
}

func (s *CollateralTestSuite) setRestakingParams(edit func(*restakingtypes.Params)) {
	p, err := s.chain.App.RestakingKeeper.GetParams(s.chain.Ctx)
	s.Require().NoError(err)
	edit(&p)
	s.deliver(&restakingtypes.MsgUpdateParams{Authority: gov, Params: p})
}

func (s *CollateralTestSuite) usdValue(coins sdk.Coins) sdkmath.LegacyDec {
	var res pricestypes.QueryUSDValueResponse
	s.query("/milkyway.prices.v1.Query/USDValue", &pricestypes.QueryUSDValueRequest{Coins: coins.String()}, &res)
	return res.Value
}

func (s *CollateralTestSuite) targetStake(t restakingtypes.DelegationType, id uint32) sdk.Coins {
	var res restakingtypes.QueryTargetStakeResponse
	s.query("/milkyway.restaking.v1.Query/TargetStake", &restakingtypes.QueryTargetStakeRequest{Type: t, TargetId: id}, &res)
	var coins sdk.Coins
	for _, st := range res.Stakes {
		coins = coins.Add(sdk.NewCoin(st.Denom, st.Stake.Tokens))
	}
	return coins
}

// TestVoucherAsCollateral: registered, priced, allowed by a service,
// restaked to its pool and to the service, valued at the posted price,
// and the queries show where the hash comes from.
func (s *CollateralTestSuite) TestVoucherAsCollateral() {
	s.register()
	s.postPrice()
	s.allowInService(s.voucher)

	toPool, toService := sdk.NewInt64Coin(s.voucher, 4_000_000), sdk.NewInt64Coin(s.voucher, 2_000_000)
	s.deliver(&restakingtypes.MsgDelegatePool{Delegator: s.holder.String(), Amount: toPool})
	s.deliver(&restakingtypes.MsgDelegateService{Delegator: s.holder.String(), ServiceId: sequencingService, Amount: sdk.NewCoins(toService)})

	// The pool of the voucher, found by its ibc/ denom through gRPC.
	var pool poolstypes.QueryPoolResponse
	s.query("/milkyway.pools.v1.Query/PoolByDenom", &poolstypes.QueryPoolByDenomRequest{Denom: s.voucher}, &pool)
	s.Require().Equal(s.voucher, pool.Pool.Denom)

	// 4 MILK at 2.5 USD in the pool, 2 MILK in the service.
	poolStake := s.targetStake(restakingtypes.DELEGATION_TYPE_POOL, pool.Pool.Id)
	serviceStake := s.targetStake(restakingtypes.DELEGATION_TYPE_SERVICE, sequencingService)
	s.Require().Equal(sdk.NewCoins(toPool), poolStake)
	s.Require().Equal(sdk.NewCoins(toService), serviceStake)
	s.Require().Equal(sdkmath.LegacyNewDec(10), s.usdValue(poolStake))
	s.Require().Equal(sdkmath.LegacyNewDec(5), s.usdValue(serviceStake))
	s.Require().Equal(sdk.NewInt64Coin(s.voucher, arrived-6_000_000), s.chain.App.BankKeeper.GetBalance(s.chain.Ctx, s.holder, s.voucher))

	// Restaking values the voucher with the same price: with 15 USD
	// restaked and a 16 USD cap, 1 more MILK (2.5 USD) is refused, 0.4 is not.
	s.setRestakingParams(func(p *restakingtypes.Params) { p.RestakingCap = sdkmath.LegacyNewDec(16) })
	_, err := s.chain.DeliverAtomic(&restakingtypes.MsgDelegatePool{Delegator: s.holder.String(), Amount: sdk.NewInt64Coin(s.voucher, 1_000_000)})
	s.Require().ErrorIs(err, restakingtypes.ErrRestakingCapExceeded)
	s.deliver(&restakingtypes.MsgDelegatePool{Delegator: s.holder.String(), Amount: sdk.NewInt64Coin(s.voucher, 400_000)})

	// The asset query and the list show the trace next to the hash.
	trace := &types.IBCTrace{Denom: s.voucher, Path: "transfer/channel-1", BaseDenom: app.BondDenom}
	var asset types.QueryAssetResponse
	s.query("/milkyway.assets.v1.Query/Asset", &types.QueryAssetRequest{Denom: s.voucher}, &asset)
	s.Require().Equal(types.NewAsset(s.voucher, ticker, 6), asset.Asset)
	s.Require().Equal(trace, asset.IbcTrace)
	var list types.QueryAssetsResponse
	s.query("/milkyway.assets.v1.Query/Assets", &types.QueryAssetsRequest{Ticker: ticker}, &list)
	s.Require().Equal([]types.Asset{asset.Asset}, list.Assets)
	s.Require().Equal([]types.IBCTrace{*trace}, list.IbcTraces)
}

// TestRefusals: each step refused with its registered error changes no
// state. Refused Msgs run as runTx runs them, in a cache written only on
// success (MsgDelegatePool creates the pool of a new denom before its
// funds and cap checks, and relies on that cache to drop it).
func (s *CollateralTestSuite) TestRefusals() {
	lowerHash := types.IBCDenomPrefix + strings.ToLower(strings.TrimPrefix(s.voucher, types.IBCDenomPrefix))
	tests := []struct {
		name    string
		prepare func(s *CollateralTestSuite)
		msg     func(s *CollateralTestSuite) sdk.Msg
		expErr  error
	}{
		{
			name: "register a malformed ibc denom",
			msg: func(*CollateralTestSuite) sdk.Msg {
				return types.NewMsgRegisterAsset(gov, types.NewAsset("ibc/xyz", ticker, 6))
			},
			expErr: types.ErrInvalidDenom,
		},
		{
			name: "register the voucher with a lower-case hash",
			msg: func(*CollateralTestSuite) sdk.Msg {
				return types.NewMsgRegisterAsset(gov, types.NewAsset(lowerHash, ticker, 6))
			},
			expErr: types.ErrInvalidDenom,
		},
		{
			name: "register the voucher without governance",
			msg: func(s *CollateralTestSuite) sdk.Msg {
				return types.NewMsgRegisterAsset(s.holder.String(), types.NewAsset(s.voucher, ticker, 6))
			},
			expErr: access.ErrNotGovAuthority,
		},
		{
			name:    "price posted by a non-feeder",
			prepare: func(s *CollateralTestSuite) { s.register() },
			msg: func(s *CollateralTestSuite) sdk.Msg {
				return &pricestypes.MsgPostPrices{Feeder: s.holder.String(), Prices: []pricestypes.TickerPrice{{Ticker: ticker, Price: price}}}
			},
			expErr: pricestypes.ErrNotFeeder,
		},
		{
			name: "service allowlist set by a non-admin",
			msg: func(s *CollateralTestSuite) sdk.Msg {
				return &servicestypes.MsgSetServiceParams{Sender: s.holder.String(), ServiceId: sequencingService,
					ServiceParams: servicestypes.ServiceParams{AllowedDenoms: []string{s.voucher}}}
			},
			expErr: access.ErrNotAdmin,
		},
		{
			name:    "service that does not allow the voucher",
			prepare: func(s *CollateralTestSuite) { s.register(); s.postPrice(); s.allowInService(app.BondDenom) },
			msg: func(s *CollateralTestSuite) sdk.Msg {
				return &restakingtypes.MsgDelegateService{Delegator: s.holder.String(), ServiceId: sequencingService,
					Amount: sdk.NewCoins(sdk.NewInt64Coin(s.voucher, 1_000_000))}
			},
			expErr: restakingtypes.ErrDenomNotRestakable,
		},
		{
			name: "voucher not restakable on the chain",
			prepare: func(s *CollateralTestSuite) {
				s.register()
				s.setRestakingParams(func(p *restakingtypes.Params) { p.AllowedDenoms = []string{app.BondDenom} })
			},
			msg: func(s *CollateralTestSuite) sdk.Msg {
				return &restakingtypes.MsgDelegatePool{Delegator: s.holder.String(), Amount: sdk.NewInt64Coin(s.voucher, 1_000_000)}
			},
			expErr: restakingtypes.ErrDenomNotRestakable,
		},
		{
			name:    "more vouchers than held",
			prepare: func(s *CollateralTestSuite) { s.register(); s.postPrice() },
			msg: func(s *CollateralTestSuite) sdk.Msg {
				return &restakingtypes.MsgDelegatePool{Delegator: s.holder.String(), Amount: sdk.NewInt64Coin(s.voucher, arrived+1)}
			},
			expErr: sdkerrors.ErrInsufficientFunds,
		},
		{
			name: "priced voucher above the restaking cap",
			prepare: func(s *CollateralTestSuite) {
				s.register()
				s.postPrice()
				s.setRestakingParams(func(p *restakingtypes.Params) { p.RestakingCap = sdkmath.LegacyNewDec(2) })
			},
			msg: func(s *CollateralTestSuite) sdk.Msg {
				return &restakingtypes.MsgDelegatePool{Delegator: s.holder.String(), Amount: sdk.NewInt64Coin(s.voucher, 1_000_000)}
			},
			expErr: restakingtypes.ErrRestakingCapExceeded,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.prepare != nil {
				tc.prepare(s)
			}
			msg := tc.msg(s)
			before := s.state()
			_, err := s.chain.DeliverAtomic(msg)
			s.Require().ErrorIs(err, tc.expErr)
			s.Require().Equal(before, s.state(), "a refusal changes nothing")
		})
	}
}

// state is the exported state of every module the steps touch, with the
// clocks that move every block blanked.
func (s *CollateralTestSuite) state() map[string]string {
	a, ctx := s.chain.App, s.chain.Ctx
	modules := []string{banktypes.ModuleName, types.ModuleName, pricestypes.ModuleName, servicestypes.ModuleName,
		poolstypes.ModuleName, restakingtypes.ModuleName, rewardstypes.ModuleName}
	gen, err := a.ModuleManager.ExportGenesisForModules(ctx, a.AppCodec(), modules)
	s.Require().NoError(err)
	var rs restakingtypes.GenesisState
	a.AppCodec().MustUnmarshalJSON(gen[restakingtypes.ModuleName], &rs)
	rs.Clock = time.Time{}
	gen[restakingtypes.ModuleName] = a.AppCodec().MustMarshalJSON(&rs)
	var rw rewardstypes.GenesisState
	a.AppCodec().MustUnmarshalJSON(gen[rewardstypes.ModuleName], &rw)
	rw.LastAllocation = time.Time{}
	gen[rewardstypes.ModuleName] = a.AppCodec().MustMarshalJSON(&rw)
	out := map[string]string{}
	for name, bz := range gen {
		out[name] = string(bz)
	}
	return out
}
