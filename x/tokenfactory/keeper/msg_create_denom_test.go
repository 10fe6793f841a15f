package keeper_test

import (
	"strings"

	storetypes "cosmossdk.io/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

func (s *KeeperTestSuite) TestCreateDenom() {
	s.ctx = s.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	denom := s.createDenom(alice, "ulrt")
	s.Require().Equal("factory/"+alice+"/ulrt", denom)
	s.requireEvent("milkyway.tokenfactory.v1.EventCreateDenom")
	s.Require().GreaterOrEqual(s.ctx.GasMeter().GasConsumed(), types.DefaultDenomCreationGasConsume)

	m, err := s.k.GetAuthorityMetadata(s.ctx, denom)
	s.Require().NoError(err)
	s.Require().Equal(alice, m.Admin)
	md, found := s.bank.GetDenomMetaData(s.ctx, denom)
	s.Require().True(found, "minimal bank metadata is created")
	s.Require().Equal(denom, md.Base)
	s.Require().True(s.supply(denom).IsZero(), "creating mints nothing")
}

func (s *KeeperTestSuite) TestCreateDenomFeeGoesToCommunityPool() {
	s.setParams(types.NewParams(sdk.NewCoins(coin(100, "umilk")), 0))
	before := s.balance(alice, "umilk")
	s.createDenom(alice, "ulrt")
	s.Require().Equal(before.SubRaw(100), s.balance(alice, "umilk"))
	pool := authtypes.NewModuleAddress(distrtypes.ModuleName).String()
	s.Require().Equal(int64(100), s.balance(pool, "umilk").Int64())
}

// longAddress is a valid 80-byte address: with it, factory/{creator}/x
// exceeds the bank's 128-character denom limit. (A function, since the
// chain's prefix is set in init, after package variables.)
func longAddress() string { return sdk.AccAddress([]byte(strings.Repeat("L", 80))).String() }

func (s *KeeperTestSuite) TestCreateDenomRejections() {
	tests := []struct {
		name   string
		setup  func()
		msg    *types.MsgCreateDenom
		expErr error
	}{
		{name: "duplicate denom", setup: func() { s.createDenom(alice, "ulrt") },
			msg: &types.MsgCreateDenom{Sender: alice, Subdenom: "ulrt"}, expErr: types.ErrDenomExists},
		{name: "empty subdenom", msg: &types.MsgCreateDenom{Sender: alice, Subdenom: ""}, expErr: types.ErrInvalidSubdenom},
		{name: "subdenom of 45 characters", msg: &types.MsgCreateDenom{Sender: alice, Subdenom: strings.Repeat("a", 45)},
			expErr: types.ErrInvalidSubdenom},
		{name: "slash in subdenom", msg: &types.MsgCreateDenom{Sender: alice, Subdenom: "a/b"}, expErr: types.ErrInvalidSubdenom},
		{name: "space in subdenom", msg: &types.MsgCreateDenom{Sender: alice, Subdenom: "u lrt"}, expErr: types.ErrInvalidSubdenom},
		{name: "non-ASCII subdenom", msg: &types.MsgCreateDenom{Sender: alice, Subdenom: "ulrtü"}, expErr: types.ErrInvalidSubdenom},
		{name: "bad creator", msg: &types.MsgCreateDenom{Sender: "cosmos1xyz", Subdenom: "ulrt"}, expErr: types.ErrInvalidAddress},
		{name: "denom longer than the bank allows", msg: &types.MsgCreateDenom{Sender: longAddress(), Subdenom: "ulrt"},
			expErr: types.ErrInvalidDenom},
		{name: "insufficient creation fee", setup: func() { s.setParams(types.NewParams(sdk.NewCoins(coin(1000001, "umilk")), 0)) },
			msg: &types.MsgCreateDenom{Sender: alice, Subdenom: "ulrt"}, expErr: types.ErrInsufficientFee},
		{name: "fee in a denom the creator lacks", setup: func() { s.setParams(types.NewParams(sdk.NewCoins(coin(1, "uatom")), 0)) },
			msg: &types.MsgCreateDenom{Sender: alice, Subdenom: "ulrt"}, expErr: types.ErrInsufficientFee},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.setup != nil {
				tc.setup()
			}
			s.requireRejected(tc.expErr, func() error {
				_, err := s.msgs.CreateDenom(s.ctx, tc.msg)
				return err
			})
		})
	}
}

func (s *KeeperTestSuite) setParams(p types.Params) {
	_, err := s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: authority, Params: p})
	s.Require().NoError(err)
}
