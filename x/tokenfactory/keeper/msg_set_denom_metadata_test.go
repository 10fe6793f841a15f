package keeper_test

import (
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// lrtMetadata describes denom with a display unit of 10^6 base units.
func lrtMetadata(denom string) banktypes.Metadata {
	return banktypes.Metadata{
		Description: "a liquid restaking token",
		Base:        denom,
		Display:     "lrt",
		Name:        "LRT",
		Symbol:      "LRT",
		DenomUnits:  []*banktypes.DenomUnit{{Denom: denom, Exponent: 0}, {Denom: "lrt", Exponent: 6}},
	}
}

func (s *KeeperTestSuite) TestSetDenomMetadata() {
	denom := s.lrt()
	_, err := s.msgs.SetDenomMetadata(s.ctx, &types.MsgSetDenomMetadata{Sender: alice, Metadata: lrtMetadata(denom)})
	s.Require().NoError(err)
	s.requireEvent("milkyway.tokenfactory.v1.EventSetDenomMetadata")
	md, found := s.bank.GetDenomMetaData(s.ctx, denom)
	s.Require().True(found)
	s.Require().Equal(lrtMetadata(denom), md)
}

func (s *KeeperTestSuite) TestSetDenomMetadataRejections() {
	tests := []struct {
		name   string
		msg    func(denom, bobsDenom string) *types.MsgSetDenomMetadata
		expErr error
	}{
		{"non-admin", func(d, _ string) *types.MsgSetDenomMetadata {
			return &types.MsgSetDenomMetadata{Sender: mallory, Metadata: lrtMetadata(d)}
		}, access.ErrNotAdmin},
		{"base is another admin's denom", func(_, b string) *types.MsgSetDenomMetadata {
			return &types.MsgSetDenomMetadata{Sender: alice, Metadata: lrtMetadata(b)}
		}, access.ErrNotAdmin},
		{"base is not a factory denom", func(string, string) *types.MsgSetDenomMetadata {
			return &types.MsgSetDenomMetadata{Sender: alice, Metadata: lrtMetadata("umilk")}
		}, types.ErrInvalidDenom},
		{"base is an unknown factory denom", func(string, string) *types.MsgSetDenomMetadata {
			return &types.MsgSetDenomMetadata{Sender: alice, Metadata: lrtMetadata("factory/" + alice + "/other")}
		}, types.ErrDenomNotFound},
		{"first unit is not the base", func(d, _ string) *types.MsgSetDenomMetadata {
			md := lrtMetadata(d)
			md.DenomUnits[0].Denom = "ulrt"
			return &types.MsgSetDenomMetadata{Sender: alice, Metadata: md}
		}, types.ErrInvalidMetadata},
		{"display is not a unit", func(d, _ string) *types.MsgSetDenomMetadata {
			md := lrtMetadata(d)
			md.Display = "klrt"
			return &types.MsgSetDenomMetadata{Sender: alice, Metadata: md}
		}, types.ErrInvalidMetadata},
		{"no name", func(d, _ string) *types.MsgSetDenomMetadata {
			md := lrtMetadata(d)
			md.Name = ""
			return &types.MsgSetDenomMetadata{Sender: alice, Metadata: md}
		}, types.ErrInvalidMetadata},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			denom := s.lrt()
			bobsDenom := s.createDenom(bob, "ubob")
			s.requireRejected(tc.expErr, func() error {
				_, err := s.msgs.SetDenomMetadata(s.ctx, tc.msg(denom, bobsDenom))
				return err
			})
		})
	}
}
