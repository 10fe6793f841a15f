package keeper_test

import (
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

func (s *KeeperTestSuite) TestBurn() {
	denom := s.lrt()
	_, err := s.msgs.Burn(s.ctx, &types.MsgBurn{Sender: alice, Amount: coin(100, denom)})
	s.Require().NoError(err)
	s.requireEvent("milkyway.tokenfactory.v1.EventBurn")
	_, err = s.msgs.Burn(s.ctx, &types.MsgBurn{Sender: alice, Amount: coin(250, denom), BurnFromAddress: bob})
	s.Require().NoError(err)
	s.Require().Equal(int64(900), s.balance(alice, denom).Int64(), "empty burn_from_address burns the admin's tokens")
	s.Require().Equal(int64(750), s.balance(bob, denom).Int64(), "the admin burns from any holder")
	s.Require().Equal(int64(1650), s.supply(denom).Int64())
}

func (s *KeeperTestSuite) TestBurnRejections() {
	moduleAddr := authtypes.NewModuleAddress(types.ModuleName).String()
	tests := []struct {
		name   string
		msg    func(denom string) *types.MsgBurn
		expErr error
	}{
		{"non-admin burning its own tokens", func(d string) *types.MsgBurn { return &types.MsgBurn{Sender: bob, Amount: coin(1, d)} }, access.ErrNotAdmin},
		{"non-admin burning from another holder", func(d string) *types.MsgBurn {
			return &types.MsgBurn{Sender: mallory, Amount: coin(1, d), BurnFromAddress: bob}
		}, access.ErrNotAdmin},
		{"zero amount", func(d string) *types.MsgBurn { return &types.MsgBurn{Sender: alice, Amount: coin(0, d)} }, types.ErrInvalidAmount},
		{"negative amount", func(d string) *types.MsgBurn { return &types.MsgBurn{Sender: alice, Amount: coin(-1, d)} }, types.ErrInvalidAmount},
		{"more than the holder has", func(d string) *types.MsgBurn {
			return &types.MsgBurn{Sender: alice, Amount: coin(1001, d), BurnFromAddress: bob}
		}, sdkerrors.ErrInsufficientFunds},
		{"not a factory denom", func(string) *types.MsgBurn {
			return &types.MsgBurn{Sender: alice, Amount: coin(1, "umilk"), BurnFromAddress: bob}
		}, types.ErrInvalidDenom},
		{"from a restaking target account", func(d string) *types.MsgBurn {
			return &types.MsgBurn{Sender: alice, Amount: coin(1, d), BurnFromAddress: vault}
		}, types.ErrProtectedAccount},
		{"from a module account", func(d string) *types.MsgBurn {
			return &types.MsgBurn{Sender: alice, Amount: coin(1, d), BurnFromAddress: moduleAddr}
		}, types.ErrProtectedAccount},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			denom := s.lrt()
			s.sendTo(bob, vault, coin(10, denom))
			s.requireRejected(tc.expErr, func() error {
				_, err := s.msgs.Burn(s.ctx, tc.msg(denom))
				return err
			})
		})
	}
}
