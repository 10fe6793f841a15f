package keeper_test

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	minttypes "github.com/cosmos/cosmos-sdk/x/mint/types"
)

func (s *KeeperTestSuite) TestDenomsInvariant() {
	s.lrt()
	msg, broken := s.k.DenomsInvariant(s.ctx)
	s.Require().False(broken, msg)

	// Another module minting into the factory namespace breaks it.
	rogue := "factory/" + mallory + "/rogue"
	s.Require().NoError(s.bank.MintCoins(s.ctx, minttypes.ModuleName, sdk.NewCoins(coin(1, rogue))))
	msg, broken = s.k.DenomsInvariant(s.ctx)
	s.Require().True(broken)
	s.Require().Contains(msg, rogue)
}
