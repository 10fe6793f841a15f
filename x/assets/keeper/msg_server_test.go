package keeper_test

import (
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
)

func (s *KeeperTestSuite) TestRegisterAsset() {
	tests := []struct {
		name   string
		setup  func()
		msg    *types.MsgRegisterAsset
		expErr error
		check  func()
	}{
		{
			name: "new asset",
			msg:  types.NewMsgRegisterAsset(authority, atom),
			check: func() {
				got, err := s.k.GetAsset(s.ctx, "uatom")
				s.Require().NoError(err)
				s.Require().Equal(atom, got)
				s.Require().Equal([][2]string{{"ATOM", "uatom"}}, s.tickerIndex())
			},
		},
		{
			name:  "a second denom under the same ticker",
			setup: func() { s.register(atom) },
			msg:   types.NewMsgRegisterAsset(authority, ibcAtom),
			check: func() {
				got, err := s.k.GetAssetsByTicker(s.ctx, "ATOM")
				s.Require().NoError(err)
				s.Require().Equal([]types.Asset{ibcAtom, atom}, got, "by denom: ibc/... sorts before uatom")
			},
		},
		{
			name:  "re-registering a denom replaces its asset",
			setup: func() { s.register(atom) },
			msg:   types.NewMsgRegisterAsset(authority, types.NewAsset("uatom", "ATOM", 8)),
			check: func() {
				got, err := s.k.GetAsset(s.ctx, "uatom")
				s.Require().NoError(err)
				s.Require().Equal(uint32(8), got.Exponent)
				s.Require().Len(s.exported().Assets, 1)
			},
		},
		{
			name:   "wrong authority",
			msg:    types.NewMsgRegisterAsset(stranger, atom),
			expErr: access.ErrNotGovAuthority,
		},
		{
			name:   "lowercase ticker",
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset("uatom", "atom", 6)),
			expErr: types.ErrInvalidTicker,
		},
		{
			name:   "ticker too long",
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset("uatom", "ATOMATOMATO", 6)),
			expErr: types.ErrInvalidTicker,
		},
		{
			name:   "empty ticker",
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset("uatom", "", 6)),
			expErr: types.ErrInvalidTicker,
		},
		{
			name:   "invalid denom",
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset("1atom", "ATOM", 6)),
			expErr: types.ErrInvalidDenom,
		},
		{
			name:   "exponent above 18",
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset("uatom", "ATOM", 19)),
			expErr: types.ErrInvalidExponent,
		},
		{
			name:   "ibc denom without a hash",
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset("ibc/xyz", "ATOM", 6)),
			expErr: types.ErrInvalidDenom,
		},
		{
			name:   "ibc denom with a lower-case hash",
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset(strings.ToLower(ibcAtomDenom), "ATOM", 6)),
			expErr: types.ErrInvalidDenom,
		},
		{
			name:   "ibc denom with a short hash",
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset(ibcAtomDenom[:len(ibcAtomDenom)-1], "ATOM", 6)),
			expErr: types.ErrInvalidDenom,
		},
		{
			name:   "ibc denom with a path instead of a hash",
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset("ibc/transfer/channel-0/uatom", "ATOM", 6)),
			expErr: types.ErrInvalidDenom,
		},
		{
			name:   "an invalid ibc replacement keeps the old asset",
			setup:  func() { s.register(ibcAtom) },
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset(ibcAtomDenom+"0", "ATOM", 6)),
			expErr: types.ErrInvalidDenom,
		},
		{
			name:   "an invalid replacement keeps the old asset",
			setup:  func() { s.register(atom) },
			msg:    types.NewMsgRegisterAsset(authority, types.NewAsset("uatom", "at-om", 6)),
			expErr: types.ErrInvalidTicker,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.setup != nil {
				tc.setup()
			}
			before := s.exported()
			beforeIndex := s.tickerIndex()
			s.ctx = s.ctx.WithEventManager(sdk.NewEventManager())
			_, err := s.msgs.RegisterAsset(s.ctx, tc.msg)
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.exported(), "a rejected Msg must change nothing")
				s.Require().Equal(beforeIndex, s.tickerIndex(), "a rejected Msg must change nothing")
				s.Require().Empty(s.ctx.EventManager().Events())
				return
			}
			s.Require().NoError(err)
			s.requireEvent(&types.EventRegisterAsset{Asset: tc.msg.Asset})
			s.requireIndexMatchesAssets()
			tc.check()
		})
	}
}

func (s *KeeperTestSuite) TestDeregisterAsset() {
	tests := []struct {
		name   string
		msg    *types.MsgDeregisterAsset
		expErr error
		check  func()
	}{
		{
			name: "removes the asset and only its index entry",
			msg:  types.NewMsgDeregisterAsset(authority, "uatom"),
			check: func() {
				_, err := s.k.GetAsset(s.ctx, "uatom")
				s.Require().ErrorIs(err, types.ErrAssetNotFound)
				s.Require().Equal([][2]string{{"ATOM", ibcAtomDenom}, {"MILK", "umilk"}}, s.tickerIndex())
			},
		},
		{
			name:   "wrong authority",
			msg:    types.NewMsgDeregisterAsset(stranger, "uatom"),
			expErr: access.ErrNotGovAuthority,
		},
		{
			name:   "unknown denom",
			msg:    types.NewMsgDeregisterAsset(authority, "utia"),
			expErr: types.ErrAssetNotFound,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			s.register(atom, ibcAtom, milk)
			before := s.exported()
			beforeIndex := s.tickerIndex()
			s.ctx = s.ctx.WithEventManager(sdk.NewEventManager())
			_, err := s.msgs.DeregisterAsset(s.ctx, tc.msg)
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.exported(), "a rejected Msg must change nothing")
				s.Require().Equal(beforeIndex, s.tickerIndex(), "a rejected Msg must change nothing")
				s.Require().Empty(s.ctx.EventManager().Events())
				return
			}
			s.Require().NoError(err)
			s.requireEvent(&types.EventDeregisterAsset{Denom: tc.msg.Denom})
			s.requireIndexMatchesAssets()
			tc.check()
		})
	}
}

// TestReRegisterMovesTicker: a denom re-registered under a new ticker
// leaves the old ticker's index slice and joins the new one.
func (s *KeeperTestSuite) TestReRegisterMovesTicker() {
	s.register(atom, ibcAtom)
	s.register(types.NewAsset(ibcAtomDenom, "STATOM", 6))

	s.Require().Equal([][2]string{{"ATOM", "uatom"}, {"STATOM", ibcAtomDenom}}, s.tickerIndex())
	old, err := s.k.GetAssetsByTicker(s.ctx, "ATOM")
	s.Require().NoError(err)
	s.Require().Equal([]types.Asset{atom}, old)
	res, err := s.queries.Assets(s.ctx, &types.QueryAssetsRequest{Ticker: "STATOM"})
	s.Require().NoError(err)
	s.Require().Equal([]types.Asset{types.NewAsset(ibcAtomDenom, "STATOM", 6)}, res.Assets)

	// Re-registering with the same ticker must not drop the entry.
	s.register(atom)
	s.requireIndexMatchesAssets()
}

// requireEvent checks that exactly the given typed event was emitted.
func (s *KeeperTestSuite) requireEvent(want interface{ ProtoMessage() }) {
	events := s.ctx.EventManager().ABCIEvents()
	s.Require().Len(events, 1)
	got, err := sdk.ParseTypedEvent(events[0])
	s.Require().NoError(err)
	s.Require().Equal(want, got)
}
