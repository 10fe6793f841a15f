package keeper_test

import (
	sdkmath "cosmossdk.io/math"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// A slash of locked stake, the way x/slashing executes one: the locked
// tokens leave the operator's account for the slashing module (the send
// restriction lets a target pay a slash sink) and are burned there. The
// insurance fund is not touched; the coverage it must keep is recomputed
// from the slashed stake, so part of it becomes withdrawable.
func (s *KeeperTestSuite) TestSlashOfLockedStake() {
	op := s.registerOperator()
	s.mint(alice, 1000)
	s.deposit(alice, 10) // covers 500
	s.Require().NoError(s.delegateOperator(alice, op, coins(500, lockedTia)))
	before, err := s.queries.UserInsuranceFund(s.ctx, &types.QueryUserInsuranceFundRequest{User: alice.String()})
	s.Require().NoError(err)
	s.Require().Equal(coins(10, tiaDenom), before.Used)

	// x/slashing creates its account before slashing (its genesis is
	// skipped by this suite).
	sink := s.app.AccountKeeper.GetModuleAccount(s.ctx, slashingtypes.ModuleName).GetAddress()
	res, err := s.app.RestakingKeeper.SlashTarget(s.ctx, restakingtypes.DELEGATION_TYPE_OPERATOR, op,
		sdkmath.LegacyNewDecWithPrec(5, 1), 0, sink)
	s.Require().NoError(err)
	s.Require().Equal(coins(250, lockedTia), res.Total())
	s.Require().NoError(s.app.BankKeeper.BurnCoins(s.ctx, slashingtypes.ModuleName, res.Total()))

	after, err := s.queries.UserInsuranceFund(s.ctx, &types.QueryUserInsuranceFundRequest{User: alice.String()})
	s.Require().NoError(err)
	s.Require().Equal(coins(10, tiaDenom), after.Balance, "the fund does not pay for the slash")
	s.Require().Equal(coins(5, tiaDenom), after.Used, "coverage follows the slashed stake")
	_, err = s.msgs.WithdrawInsuranceFund(s.ctx, &types.MsgWithdrawInsuranceFund{Sender: alice.String(), Amount: coins(5, tiaDenom)})
	s.Require().NoError(err)
	_, err = s.msgs.WithdrawInsuranceFund(s.ctx, &types.MsgWithdrawInsuranceFund{Sender: alice.String(), Amount: coins(1, tiaDenom)})
	s.Require().ErrorIs(err, types.ErrWithdrawExceedsUncovered)
	s.requireInvariant()
}
