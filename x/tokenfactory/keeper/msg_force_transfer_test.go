package keeper_test

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

func (s *KeeperTestSuite) TestForceTransfer() {
	denom := s.lrt()
	_, err := s.msgs.ForceTransfer(s.ctx, &types.MsgForceTransfer{Sender: alice, Amount: coin(400, denom),
		TransferFromAddress: bob, TransferToAddress: mallory})
	s.Require().NoError(err)
	s.requireEvent("milkyway.tokenfactory.v1.EventForceTransfer")
	s.Require().Equal(int64(600), s.balance(bob, denom).Int64(), "taken without bob's signature")
	s.Require().Equal(int64(400), s.balance(mallory, denom).Int64())
	s.Require().Equal(int64(2000), s.supply(denom).Int64())
}

func (s *KeeperTestSuite) TestForceTransferRejections() {
	moduleAddr := authtypes.NewModuleAddress(types.ModuleName).String()
	ft := func(sender string, amount sdk.Coin, from, to string) *types.MsgForceTransfer {
		return &types.MsgForceTransfer{Sender: sender, Amount: amount, TransferFromAddress: from, TransferToAddress: to}
	}
	tests := []struct {
		name   string
		msg    func(denom string) *types.MsgForceTransfer
		expErr error
	}{
		{"non-admin", func(d string) *types.MsgForceTransfer { return ft(mallory, coin(1, d), bob, mallory) }, access.ErrNotAdmin},
		{"holder moving its own tokens this way", func(d string) *types.MsgForceTransfer { return ft(bob, coin(1, d), bob, mallory) }, access.ErrNotAdmin},
		{"zero amount", func(d string) *types.MsgForceTransfer { return ft(alice, coin(0, d), bob, alice) }, types.ErrInvalidAmount},
		{"negative amount", func(d string) *types.MsgForceTransfer { return ft(alice, coin(-3, d), bob, alice) }, types.ErrInvalidAmount},
		{"more than the holder has", func(d string) *types.MsgForceTransfer { return ft(alice, coin(1001, d), bob, alice) }, sdkerrors.ErrInsufficientFunds},
		{"a denom that is not the admin's (umilk)", func(string) *types.MsgForceTransfer { return ft(alice, coin(1, "umilk"), bob, alice) }, types.ErrInvalidDenom},
		{"from a restaking target account", func(d string) *types.MsgForceTransfer { return ft(alice, coin(1, d), vault, alice) }, types.ErrProtectedAccount},
		{"from a module account", func(d string) *types.MsgForceTransfer { return ft(alice, coin(1, d), moduleAddr, alice) }, types.ErrProtectedAccount},
		{"to a blocked module account", func(d string) *types.MsgForceTransfer { return ft(alice, coin(1, d), bob, moduleAddr) }, types.ErrBlockedRecipient},
		{"bad from address", func(d string) *types.MsgForceTransfer { return ft(alice, coin(1, d), "milk1bad", alice) }, types.ErrInvalidAddress},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			denom := s.lrt()
			s.sendTo(bob, vault, coin(10, denom))
			s.requireRejected(tc.expErr, func() error {
				_, err := s.msgs.ForceTransfer(s.ctx, tc.msg(denom))
				return err
			})
		})
	}
}

// sendTo moves amount between two accounts by a plain bank send.
func (s *KeeperTestSuite) sendTo(from, to string, amount sdk.Coin) {
	s.Require().NoError(s.bank.SendCoins(s.ctx, sdk.MustAccAddressFromBech32(from), sdk.MustAccAddressFromBech32(to), sdk.NewCoins(amount)))
}
