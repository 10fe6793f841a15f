package keeper_test

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// Bank sends the restriction refuses; each must leave balances unchanged.
// Allowed paths (user -> target restake, target -> user payout, mint,
// burn, deposit) are exercised by every other test of the suite.
func (s *KeeperTestSuite) TestSendRestrictionRefuses() {
	distr := authtypes.NewModuleAddress(distrtypes.ModuleName)
	tests := []struct {
		name     string
		from, to func(op1, op2 uint32) sdk.AccAddress
		amount   sdk.Coins
		expErr   error
	}{
		{
			name:   "target to target",
			from:   func(op1, _ uint32) sdk.AccAddress { return operatorstypes.OperatorAddress(op1) },
			to:     func(_, op2 uint32) sdk.AccAddress { return operatorstypes.OperatorAddress(op2) },
			amount: coins(10, lockedTia), expErr: types.ErrLockedSendRefused,
		},
		{
			name:   "user to a random module account",
			from:   func(uint32, uint32) sdk.AccAddress { return alice },
			to:     func(uint32, uint32) sdk.AccAddress { return distr },
			amount: coins(10, lockedTia), expErr: types.ErrLockedSendRefused,
		},
		{
			name:   "target to a random module account",
			from:   func(op1, _ uint32) sdk.AccAddress { return operatorstypes.OperatorAddress(op1) },
			to:     func(uint32, uint32) sdk.AccAddress { return distr },
			amount: coins(10, lockedTia), expErr: types.ErrLockedSendRefused,
		},
		{
			name:   "user to user",
			from:   func(uint32, uint32) sdk.AccAddress { return alice },
			to:     func(uint32, uint32) sdk.AccAddress { return bob },
			amount: coins(10, lockedTia), expErr: types.ErrLockedSendRefused,
		},
		{
			name:   "locked tokens to the module outside a burn",
			from:   func(uint32, uint32) sdk.AccAddress { return alice },
			to:     func(uint32, uint32) sdk.AccAddress { return s.k.ModuleAddress() },
			amount: coins(10, lockedTia), expErr: types.ErrModuleAccountSendRefused,
		},
		{
			name:   "underlying tokens to the module outside a deposit",
			from:   func(uint32, uint32) sdk.AccAddress { return alice },
			to:     func(uint32, uint32) sdk.AccAddress { return s.k.ModuleAddress() },
			amount: coins(1, tiaDenom), expErr: types.ErrModuleAccountSendRefused,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			op1, op2 := s.registerOperator(), s.registerOperator()
			s.mint(alice, 1000)
			s.deposit(alice, 20)
			s.deposit(bob, 1)
			_, err := s.msgs.WithdrawInsuranceFund(s.ctx, &types.MsgWithdrawInsuranceFund{Sender: bob.String(), Amount: coins(1, tiaDenom)})
			s.Require().NoError(err)
			s.Require().NoError(s.app.BankKeeper.SendCoins(s.ctx, bob, alice, coins(1, tiaDenom)), "underlying tokens move freely")
			s.Require().NoError(s.delegateOperator(alice, op1, coins(100, lockedTia)))
			from, to := tc.from(op1, op2), tc.to(op1, op2)
			before := s.snapshot(alice, bob, from, to)
			// The bank debits before it asks the restriction: as in a
			// transaction, the refused send runs in a branch that is dropped.
			err = s.tx(func(ctx sdk.Context) error { return s.app.BankKeeper.SendCoins(ctx, from, to, tc.amount) })
			s.Require().ErrorIs(err, tc.expErr)
			s.Require().Equal(before, s.snapshot(alice, bob, from, to))
		})
	}
}
