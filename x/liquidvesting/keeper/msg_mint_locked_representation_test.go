package keeper_test

import (
	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

func (s *KeeperTestSuite) TestMintLockedRepresentation() {
	tests := []struct {
		name   string
		msg    *types.MsgMintLockedRepresentation
		expErr error
	}{
		{
			name: "minter mints to a user",
			msg:  &types.MsgMintLockedRepresentation{Sender: minter.String(), Receiver: alice.String(), Amount: coins(100, tiaDenom)},
		},
		{
			name:   "non-minter",
			msg:    &types.MsgMintLockedRepresentation{Sender: stranger.String(), Receiver: alice.String(), Amount: coins(100, tiaDenom)},
			expErr: types.ErrNotMinter,
		},
		{
			name:   "burner is not a minter",
			msg:    &types.MsgMintLockedRepresentation{Sender: burner.String(), Receiver: alice.String(), Amount: coins(100, tiaDenom)},
			expErr: types.ErrNotMinter,
		},
		{
			name:   "locked of locked",
			msg:    &types.MsgMintLockedRepresentation{Sender: minter.String(), Receiver: alice.String(), Amount: coins(100, lockedTia)},
			expErr: types.ErrInvalidAmount,
		},
		{
			name:   "to a module account",
			msg:    &types.MsgMintLockedRepresentation{Sender: minter.String(), Receiver: s.k.ModuleAddress().String(), Amount: coins(100, tiaDenom)},
			expErr: types.ErrLockedSendRefused,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			before := s.snapshot(alice)
			res, err := s.msgs.MintLockedRepresentation(s.ctx, tc.msg)
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.snapshot(alice))
				return
			}
			s.Require().NoError(err)
			s.Require().Equal(coins(100, lockedTia), res.Minted)
			s.Require().Equal(int64(100), s.balance(alice, lockedTia).Int64())
			md, found := s.app.BankKeeper.GetDenomMetaData(s.ctx, lockedTia)
			s.Require().True(found, "metadata created on first mint")
			s.Require().Equal(lockedTia, md.Base)
			s.requireInvariant()
		})
	}
}
