package keeper_test

import (
	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// alice restakes 500 locked tokens with a fund of 15: 10 are used, 5 free.
func (s *KeeperTestSuite) TestWithdrawInsuranceFund() {
	tests := []struct {
		name   string
		amount int64
		expErr error
	}{
		{name: "the uncovered part", amount: 5},
		{name: "one more than uncovered", amount: 6, expErr: types.ErrWithdrawExceedsUncovered},
		{name: "everything", amount: 15, expErr: types.ErrWithdrawExceedsUncovered},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			op := s.registerOperator()
			s.mint(alice, 1000)
			s.deposit(alice, 15)
			s.Require().NoError(s.delegateOperator(alice, op, coins(500, lockedTia)))
			before := s.snapshot(alice)
			_, err := s.msgs.WithdrawInsuranceFund(s.ctx, &types.MsgWithdrawInsuranceFund{Sender: alice.String(), Amount: coins(tc.amount, tiaDenom)})
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.snapshot(alice))
				return
			}
			s.Require().NoError(err)
			s.Require().Equal(coins(15-tc.amount, tiaDenom), s.fund(alice))
			s.Require().Equal(tc.amount, s.balance(alice, tiaDenom).Int64())
			s.requireInvariant()
		})
	}
}
