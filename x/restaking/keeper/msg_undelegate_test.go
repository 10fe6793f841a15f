package keeper_test

import (
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

func (s *KeeperTestSuite) delegatePool(user, amount string) {
	c, err := sdk.ParseCoinNormalized(amount)
	s.Require().NoError(err)
	_, err = s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: user, Amount: c})
	s.Require().NoError(err)
}

func (s *KeeperTestSuite) TestUndelegate() {
	tests := []struct {
		name   string
		setup  func()
		run    func() (*types.MsgUndelegateResponse, error)
		expErr error
	}{
		{"part of a pool delegation", func() { s.delegatePool(alice, "1000umilktia") }, func() (*types.MsgUndelegateResponse, error) {
			return s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 400)})
		}, nil},
		{"more than delegated", func() { s.delegatePool(alice, "1000umilktia") }, func() (*types.MsgUndelegateResponse, error) {
			return s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 1001)})
		}, types.ErrInsufficientShares},
		{"someone else's delegation", func() { s.delegatePool(alice, "1000umilktia") }, func() (*types.MsgUndelegateResponse, error) {
			return s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: bob, Amount: sdk.NewInt64Coin("umilktia", 1)})
		}, types.ErrDelegationNotFound},
		{"denom without a pool", nil, func() (*types.MsgUndelegateResponse, error) {
			return s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("uinit", 1)})
		}, types.ErrTargetNotFound},
		{"from an operator that went inactive", func() {
			s.registerOperator()
			_, err := s.msgs.DelegateOperator(s.ctx, &types.MsgDelegateOperator{Delegator: alice, OperatorId: 1, Amount: coins("50umilk")})
			s.Require().NoError(err)
			s.makeOperatorInactive(1)
		}, func() (*types.MsgUndelegateResponse, error) {
			return s.msgs.UndelegateOperator(s.ctx, &types.MsgUndelegateOperator{Delegator: alice, OperatorId: 1, Amount: coins("50umilk")})
		}, nil},
		{"a denom the operator delegation does not hold", func() {
			s.registerOperator()
			_, err := s.msgs.DelegateOperator(s.ctx, &types.MsgDelegateOperator{Delegator: alice, OperatorId: 1, Amount: coins("50umilk")})
			s.Require().NoError(err)
		}, func() (*types.MsgUndelegateResponse, error) {
			return s.msgs.UndelegateOperator(s.ctx, &types.MsgUndelegateOperator{Delegator: alice, OperatorId: 1, Amount: coins("50umilk,1umilktia")})
		}, types.ErrInsufficientShares},
		{"from an unknown service", nil, func() (*types.MsgUndelegateResponse, error) {
			return s.msgs.UndelegateService(s.ctx, &types.MsgUndelegateService{Delegator: alice, ServiceId: 3, Amount: coins("1umilk")})
		}, types.ErrTargetNotFound},
		{"negative amount", nil, func() (*types.MsgUndelegateResponse, error) {
			return s.msgs.UndelegateService(s.ctx, &types.MsgUndelegateService{Delegator: alice, ServiceId: 3, Amount: sdk.Coins{{Denom: "umilk", Amount: sdkmath.NewInt(-1)}}})
		}, types.ErrInvalidAmount},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.setup != nil {
				tc.setup()
			}
			before := s.exported()
			res, err := tc.run()
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.exported(), "a rejected Msg must change nothing")
				return
			}
			s.Require().NoError(err)
			now, err := s.k.Now(s.ctx)
			s.Require().NoError(err)
			s.Require().Equal(now.Add(types.DefaultUnbondingTime), res.CompletionTime, "completion on the restaking clock")
			msg, broken := s.k.StakeInvariant(s.ctx)
			s.Require().False(broken, msg)
		})
	}
}

// TestUnbondingMaturesAndPaysOut: the tokens leave the stake at once, stay
// in the pool account while unbonding, and reach the user at completion.
func (s *KeeperTestSuite) TestUnbondingMaturesAndPaysOut() {
	s.delegatePool(alice, "1000umilktia")
	_, err := s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 1000)})
	s.Require().NoError(err)
	_, err = s.queries.Delegation(s.ctx, &types.QueryDelegationRequest{Type: types.DELEGATION_TYPE_POOL, TargetId: 1, Delegator: alice})
	s.Require().ErrorContains(err, "no delegation", "a full exit removes the delegation")
	s.Require().Equal(int64(999999000), s.balance(alice, "umilktia").Int64())

	for i := 0; i < 3*24-1; i++ {
		s.nextBlock(time.Hour)
	}
	s.Require().Equal(int64(999999000), s.balance(alice, "umilktia").Int64(), "not matured after 71h")
	s.nextBlock(time.Hour)
	s.nextBlock(time.Second)
	s.Require().Equal(int64(1000000000), s.balance(alice, "umilktia").Int64(), "paid out after 72h")
	_, err = s.queries.UnbondingDelegation(s.ctx, &types.QueryUnbondingDelegationRequest{Type: types.DELEGATION_TYPE_POOL, TargetId: 1, Delegator: alice})
	s.Require().ErrorContains(err, "no unbonding")
}

// TestClockJumpCannotMatureUnbondings: a block time 30 days ahead advances
// the restaking clock by max_time_step only.
func (s *KeeperTestSuite) TestClockJumpCannotMatureUnbondings() {
	s.delegatePool(alice, "1000umilktia")
	_, err := s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 1000)})
	s.Require().NoError(err)
	s.nextBlock(30 * 24 * time.Hour)
	s.nextBlock(time.Second)
	now, err := s.k.Now(s.ctx)
	s.Require().NoError(err)
	s.Require().Equal(genesisTime.Add(2*types.DefaultMaxTimeStep), now)
	s.Require().Equal(int64(999999000), s.balance(alice, "umilktia").Int64(), "the jump matured nothing")

	s.ctx = s.ctx.WithBlockTime(genesisTime.Add(-time.Hour))
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	again, err := s.k.Now(s.ctx)
	s.Require().NoError(err)
	s.Require().Equal(now, again, "the clock never goes backwards")
}

func (s *KeeperTestSuite) TestMaxEntries() {
	s.delegatePool(alice, "1000umilktia")
	for i := 0; i < types.DefaultMaxEntries; i++ {
		_, err := s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 10)})
		s.Require().NoError(err)
	}
	_, err := s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 10)})
	s.Require().ErrorIs(err, types.ErrMaxEntries)
}

// TestFullExitDespiteRounding: with an uneven exchange rate, asking for
// exactly what the delegation is worth burns all shares and leaves no dust.
func (s *KeeperTestSuite) TestFullExitDespiteRounding() {
	s.delegatePool(alice, "1000umilktia")
	s.delegatePool(bob, "3umilktia")
	s.delegatePool(alice, "7umilktia")
	d, err := s.queries.Delegation(s.ctx, &types.QueryDelegationRequest{Type: types.DELEGATION_TYPE_POOL, TargetId: 1, Delegator: bob})
	s.Require().NoError(err)
	_, err = s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: bob, Amount: d.Delegation.Balance[0]})
	s.Require().NoError(err)
	_, err = s.queries.Delegation(s.ctx, &types.QueryDelegationRequest{Type: types.DELEGATION_TYPE_POOL, TargetId: 1, Delegator: bob})
	s.Require().ErrorContains(err, "no delegation")
	msg, broken := s.k.StakeInvariant(s.ctx)
	s.Require().False(broken, msg)
}

func (s *KeeperTestSuite) TestDeletionGuard() {
	id := s.activeService()
	_, err := s.msgs.DelegateService(s.ctx, &types.MsgDelegateService{Delegator: alice, ServiceId: id, Amount: coins("5umilk")})
	s.Require().NoError(err)
	guard := s.k.DeletionGuard()
	s.Require().ErrorIs(guard.CanDeleteService(s.ctx, id), types.ErrTargetInUse)
	_, err = s.msgs.UndelegateService(s.ctx, &types.MsgUndelegateService{Delegator: alice, ServiceId: id, Amount: coins("5umilk")})
	s.Require().NoError(err)
	s.Require().ErrorIs(guard.CanDeleteService(s.ctx, id), types.ErrTargetInUse, "pending unbondings block deletion")
	s.nextBlock(time.Hour)
	for i := 0; i < 72; i++ {
		s.nextBlock(time.Hour)
	}
	s.Require().NoError(guard.CanDeleteService(s.ctx, id))
	s.Require().NoError(guard.CanDeleteOperator(s.ctx, 42))
}

func (s *KeeperTestSuite) TestGenesisRoundTrip() {
	s.registerOperator()
	s.delegatePool(alice, "1000umilktia")
	s.delegatePool(bob, "10umilk")
	_, err := s.msgs.DelegateOperator(s.ctx, &types.MsgDelegateOperator{Delegator: bob, OperatorId: 1, Amount: coins("20umilk,30umilktia")})
	s.Require().NoError(err)
	_, err = s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 250)})
	s.Require().NoError(err)
	s.nextBlock(time.Minute)
	exported := s.exported()
	s.Require().NoError(exported.Validate())

	_, err = s.queries.TargetDelegations(s.ctx, &types.QueryTargetDelegationsRequest{Type: types.DELEGATION_TYPE_OPERATOR, TargetId: 1})
	s.Require().NoError(err)
	bobs, err := s.queries.DelegatorDelegations(s.ctx, &types.QueryDelegatorDelegationsRequest{Delegator: bob})
	s.Require().NoError(err)
	s.Require().Len(bobs.Delegations, 2)
	onlyPools, err := s.queries.DelegatorDelegations(s.ctx, &types.QueryDelegatorDelegationsRequest{Delegator: bob, Type: types.DELEGATION_TYPE_POOL})
	s.Require().NoError(err)
	s.Require().Len(onlyPools.Delegations, 1)

	broken := *exported
	broken.TargetStakes = broken.TargetStakes[1:]
	s.Require().ErrorIs(broken.Validate(), types.ErrInvalidGenesis, "shares must add up")
}
