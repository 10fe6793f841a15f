package keeper_test

import (
	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

func (s *KeeperTestSuite) TestChangeAdmin() {
	denom := s.lrt()
	_, err := s.msgs.ChangeAdmin(s.ctx, &types.MsgChangeAdmin{Sender: alice, Denom: denom, NewAdmin: bob})
	s.Require().NoError(err)
	s.requireEvent("milkyway.tokenfactory.v1.EventChangeAdmin")

	_, err = s.msgs.Mint(s.ctx, &types.MsgMint{Sender: bob, Amount: coin(1, denom)})
	s.Require().NoError(err, "the new admin mints")
	_, err = s.msgs.Mint(s.ctx, &types.MsgMint{Sender: alice, Amount: coin(1, denom)})
	s.Require().ErrorIs(err, access.ErrNotAdmin, "the old admin no longer does")
	denoms, err := s.k.GetDenomsFromCreator(s.ctx, alice)
	s.Require().NoError(err)
	s.Require().Equal([]string{denom}, denoms, "the creator index follows the creator, not the admin")
}

func (s *KeeperTestSuite) TestRenounceAdmin() {
	denom := s.lrt()
	_, err := s.msgs.ChangeAdmin(s.ctx, &types.MsgChangeAdmin{Sender: alice, Denom: denom, NewAdmin: ""})
	s.Require().NoError(err)
	m, err := s.k.GetAuthorityMetadata(s.ctx, denom)
	s.Require().NoError(err)
	s.Require().Empty(m.Admin)
	s.requireRejected(access.ErrNotAdmin, func() error {
		_, err := s.msgs.Mint(s.ctx, &types.MsgMint{Sender: alice, Amount: coin(1, denom)})
		return err
	})
	s.requireRejected(access.ErrNotAdmin, func() error {
		_, err := s.msgs.ChangeAdmin(s.ctx, &types.MsgChangeAdmin{Sender: alice, Denom: denom, NewAdmin: alice})
		return err
	})
	msg, broken := s.k.DenomsInvariant(s.ctx)
	s.Require().False(broken, msg)
}

func (s *KeeperTestSuite) TestChangeAdminRejections() {
	tests := []struct {
		name   string
		msg    func(denom string) *types.MsgChangeAdmin
		expErr error
	}{
		{"non-admin", func(d string) *types.MsgChangeAdmin {
			return &types.MsgChangeAdmin{Sender: mallory, Denom: d, NewAdmin: mallory}
		}, access.ErrNotAdmin},
		{"non-admin renouncing", func(d string) *types.MsgChangeAdmin {
			return &types.MsgChangeAdmin{Sender: bob, Denom: d, NewAdmin: ""}
		}, access.ErrNotAdmin},
		{"unknown denom", func(string) *types.MsgChangeAdmin {
			return &types.MsgChangeAdmin{Sender: alice, Denom: "factory/" + alice + "/other", NewAdmin: bob}
		}, types.ErrDenomNotFound},
		{"not a factory denom", func(string) *types.MsgChangeAdmin {
			return &types.MsgChangeAdmin{Sender: alice, Denom: "umilk", NewAdmin: bob}
		}, types.ErrInvalidDenom},
		{"bad new admin", func(d string) *types.MsgChangeAdmin {
			return &types.MsgChangeAdmin{Sender: alice, Denom: d, NewAdmin: "milk1bad"}
		}, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			denom := s.lrt()
			s.requireRejected(tc.expErr, func() error {
				_, err := s.msgs.ChangeAdmin(s.ctx, tc.msg(denom))
				return err
			})
		})
	}
}
