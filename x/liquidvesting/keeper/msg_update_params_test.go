package keeper_test

import (
	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

func (s *KeeperTestSuite) TestMsgUpdateParams() {
	tests := []struct {
		name   string
		signer func() string
		expErr error
	}{
		{name: "governance", signer: func() string { return s.authority }},
		{name: "anyone else", signer: func() string { return alice.String() }, expErr: access.ErrNotGovAuthority},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			before := s.params()
			params := before
			params.Minters = nil
			_, err := s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: tc.signer(), Params: params})
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.params())
				return
			}
			s.Require().NoError(err)
			s.Require().Empty(s.params().Minters)
		})
	}
}

func (s *KeeperTestSuite) params() types.Params {
	p, err := s.k.GetParams(s.ctx)
	s.Require().NoError(err)
	return p
}
