package keeper_test

import (
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

func (s *KeeperTestSuite) TestMint() {
	denom := s.createDenom(alice, "ulrt")
	_, err := s.msgs.Mint(s.ctx, &types.MsgMint{Sender: alice, Amount: coin(70, denom)})
	s.Require().NoError(err)
	s.requireEvent("milkyway.tokenfactory.v1.EventMint")
	_, err = s.msgs.Mint(s.ctx, &types.MsgMint{Sender: alice, Amount: coin(30, denom), MintToAddress: bob})
	s.Require().NoError(err)
	s.Require().Equal(int64(70), s.balance(alice, denom).Int64(), "empty mint_to_address mints to the admin")
	s.Require().Equal(int64(30), s.balance(bob, denom).Int64())
	s.Require().Equal(int64(100), s.supply(denom).Int64())
}

func (s *KeeperTestSuite) TestMintRejections() {
	moduleAddr := authtypes.NewModuleAddress(types.ModuleName).String()
	tests := []struct {
		name   string
		msg    func(denom string) *types.MsgMint
		expErr error
	}{
		{"non-admin", func(d string) *types.MsgMint { return &types.MsgMint{Sender: mallory, Amount: coin(1, d)} }, access.ErrNotAdmin},
		{"non-admin minting to the admin", func(d string) *types.MsgMint {
			return &types.MsgMint{Sender: mallory, Amount: coin(1, d), MintToAddress: alice}
		}, access.ErrNotAdmin},
		{"zero amount", func(d string) *types.MsgMint { return &types.MsgMint{Sender: alice, Amount: coin(0, d)} }, types.ErrInvalidAmount},
		{"negative amount", func(d string) *types.MsgMint { return &types.MsgMint{Sender: alice, Amount: coin(-5, d)} }, types.ErrInvalidAmount},
		{"nil amount", func(d string) *types.MsgMint {
			return &types.MsgMint{Sender: alice, Amount: sdk.Coin{Denom: d, Amount: sdkmath.Int{}}}
		}, types.ErrInvalidAmount},
		{"unknown factory denom", func(string) *types.MsgMint {
			return &types.MsgMint{Sender: alice, Amount: coin(1, "factory/"+alice+"/other")}
		}, types.ErrDenomNotFound},
		{"not a factory denom", func(string) *types.MsgMint { return &types.MsgMint{Sender: alice, Amount: coin(1, "umilk")} }, types.ErrInvalidDenom},
		{"bad recipient", func(d string) *types.MsgMint {
			return &types.MsgMint{Sender: alice, Amount: coin(1, d), MintToAddress: "milk1bad"}
		}, types.ErrInvalidAddress},
		{"blocked recipient (module account)", func(d string) *types.MsgMint {
			return &types.MsgMint{Sender: alice, Amount: coin(1, d), MintToAddress: moduleAddr}
		}, types.ErrBlockedRecipient},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			denom := s.lrt()
			s.requireRejected(tc.expErr, func() error {
				_, err := s.msgs.Mint(s.ctx, tc.msg(denom))
				return err
			})
		})
	}
}
