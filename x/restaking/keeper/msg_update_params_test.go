package keeper_test

import (
	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

func (s *KeeperTestSuite) TestUpdateParams() {
	short := types.DefaultParams()
	short.UnbondingTime = 0
	tests := []struct {
		name   string
		msg    *types.MsgUpdateParams
		expErr error
	}{
		{"governance sets params", &types.MsgUpdateParams{Authority: authority, Params: types.DefaultParams()}, nil},
		{"anyone else", &types.MsgUpdateParams{Authority: alice, Params: types.DefaultParams()}, access.ErrNotGovAuthority},
		{"invalid params", &types.MsgUpdateParams{Authority: authority, Params: short}, types.ErrInvalidParams},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			before := s.exported()
			_, err := s.msgs.UpdateParams(s.ctx, tc.msg)
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.exported())
				return
			}
			s.Require().NoError(err)
			res, err := s.queries.Params(s.ctx, &types.QueryParamsRequest{})
			s.Require().NoError(err)
			s.Require().Equal(tc.msg.Params, res.Params)
		})
	}
}
