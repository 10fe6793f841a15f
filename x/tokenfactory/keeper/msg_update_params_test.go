package keeper_test

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

func (s *KeeperTestSuite) TestUpdateParams() {
	p := types.NewParams(sdk.NewCoins(coin(10, "umilk")), 42)
	s.setParams(p)
	s.requireEvent("milkyway.tokenfactory.v1.EventUpdateParams")
	got, err := s.k.GetParams(s.ctx)
	s.Require().NoError(err)
	s.Require().Equal(p, got)
}

func (s *KeeperTestSuite) TestUpdateParamsRejections() {
	tests := []struct {
		name   string
		msg    *types.MsgUpdateParams
		expErr error
	}{
		{"not governance", &types.MsgUpdateParams{Authority: alice, Params: types.DefaultParams()}, access.ErrNotGovAuthority},
		{"zero fee coin", &types.MsgUpdateParams{Authority: authority,
			Params: types.Params{DenomCreationFee: sdk.Coins{coin(0, "umilk")}}}, types.ErrInvalidParams},
		{"unsorted fee", &types.MsgUpdateParams{Authority: authority,
			Params: types.Params{DenomCreationFee: sdk.Coins{coin(1, "umilk"), coin(1, "uatom")}}}, types.ErrInvalidParams},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			s.requireRejected(tc.expErr, func() error {
				_, err := s.msgs.UpdateParams(s.ctx, tc.msg)
				return err
			})
		})
	}
}
