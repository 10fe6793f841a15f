package keeper_test

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// With 2%, a fund of 2 covers up to 100 restaked locked tokens; 101 need 3.
func (s *KeeperTestSuite) TestRestakeRestriction() {
	tests := []struct {
		name     string
		fund     int64
		restaked int64 // already restaked before the tested restake
		amount   sdk.Coins
		expErr   error
	}{
		{name: "exactly covered", fund: 2, amount: coins(100, lockedTia)},
		{name: "one token over", fund: 2, amount: coins(101, lockedTia), expErr: types.ErrInsufficientInsurance},
		{name: "no fund", fund: 0, amount: coins(1, lockedTia), expErr: types.ErrInsufficientInsurance},
		{name: "existing positions count", fund: 2, restaked: 60, amount: coins(41, lockedTia), expErr: types.ErrInsufficientInsurance},
		{name: "existing positions within cover", fund: 2, restaked: 60, amount: coins(40, lockedTia)},
		{name: "underlying tokens are unrestricted", fund: 0, amount: coins(5, tiaDenom)},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			op := s.registerOperator()
			s.mint(alice, 1000)
			if tc.fund > 0 {
				s.deposit(alice, tc.fund)
			}
			if tc.restaked > 0 {
				s.Require().NoError(s.delegateOperator(alice, op, coins(tc.restaked, lockedTia)))
			}
			if tc.amount[0].Denom == tiaDenom {
				s.deposit(bob, 5) // bob's fund, so the module holds tia to pay alice
				_, err := s.msgs.WithdrawInsuranceFund(s.ctx, &types.MsgWithdrawInsuranceFund{Sender: bob.String(), Amount: coins(5, tiaDenom)})
				s.Require().NoError(err)
				s.Require().NoError(s.app.BankKeeper.SendCoins(s.ctx, bob, alice, coins(5, tiaDenom)))
			}
			before := s.snapshot(alice)
			err := s.delegateOperator(alice, op, tc.amount)
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.snapshot(alice))
				return
			}
			s.Require().NoError(err)
			s.requireInvariant()
		})
	}
}

func (s *KeeperTestSuite) TestUserRestakableAssets() {
	op := s.registerOperator()
	s.mint(alice, 1000)
	s.deposit(alice, 3) // covers 150
	s.Require().NoError(s.delegateOperator(alice, op, coins(100, lockedTia)))
	res, err := s.queries.UserRestakableAssets(s.ctx, &types.QueryUserRestakableAssetsRequest{User: alice.String()})
	s.Require().NoError(err)
	s.Require().Equal(coins(50, lockedTia), res.Amount)
	s.Require().NoError(s.delegateOperator(alice, op, res.Amount), "the whole answer is restakable")
	s.Require().ErrorIs(s.delegateOperator(alice, op, coins(1, lockedTia)), types.ErrInsufficientInsurance)

	fund, err := s.queries.UserInsuranceFund(s.ctx, &types.QueryUserInsuranceFundRequest{User: alice.String()})
	s.Require().NoError(err)
	s.Require().Equal(coins(3, tiaDenom), fund.Balance)
	s.Require().Equal(coins(3, tiaDenom), fund.Used)
	total, err := s.queries.InsuranceFund(s.ctx, &types.QueryInsuranceFundRequest{})
	s.Require().NoError(err)
	s.Require().Equal(coins(3, tiaDenom), total.Amount)
	all, err := s.queries.UserInsuranceFunds(s.ctx, &types.QueryUserInsuranceFundsRequest{})
	s.Require().NoError(err)
	s.Require().Len(all.InsuranceFunds, 1)
	s.Require().Equal(alice.String(), all.InsuranceFunds[0].User)
}
