package keeper_test

import (
	"time"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

func (s *KeeperTestSuite) TestBurnLockedRepresentationRejections() {
	tests := []struct {
		name   string
		msg    *types.MsgBurnLockedRepresentation
		expErr error
	}{
		{
			name:   "non-burner",
			msg:    &types.MsgBurnLockedRepresentation{Sender: minter.String(), User: alice.String(), Amount: coins(10, lockedTia)},
			expErr: types.ErrNotBurner,
		},
		{
			name:   "not a locked denom",
			msg:    &types.MsgBurnLockedRepresentation{Sender: burner.String(), User: alice.String(), Amount: coins(10, tiaDenom)},
			expErr: types.ErrNotLockedDenom,
		},
		{
			name:   "more than liquid plus restaked",
			msg:    &types.MsgBurnLockedRepresentation{Sender: burner.String(), User: alice.String(), Amount: coins(1001, lockedTia)},
			expErr: types.ErrInsufficientLocked,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			op := s.registerOperator()
			s.mint(alice, 1000)
			s.deposit(alice, 20)
			s.Require().NoError(s.delegateOperator(alice, op, coins(600, lockedTia)))
			before := s.snapshot(alice)
			_, err := s.msgs.BurnLockedRepresentation(s.ctx, tc.msg)
			s.Require().ErrorIs(err, tc.expErr)
			s.Require().Equal(before, s.snapshot(alice))
		})
	}
}

// A burn takes the liquid balance at once and force-unbonds the rest
// through x/restaking's unbonding queue; the tokens are burned in the
// block their unbonding completes.
func (s *KeeperTestSuite) TestBurnForcesUnbonding() {
	op := s.registerOperator()
	s.mint(alice, 1000)
	s.deposit(alice, 20)
	s.Require().NoError(s.delegateOperator(alice, op, coins(600, lockedTia)))

	res, err := s.msgs.BurnLockedRepresentation(s.ctx, &types.MsgBurnLockedRepresentation{
		Sender: burner.String(), User: alice.String(), Amount: coins(700, lockedTia),
	})
	s.Require().NoError(err)
	s.Require().Equal(coins(400, lockedTia), res.Burned)
	s.Require().Equal(coins(300, lockedTia), res.Unbonding)
	s.Require().True(s.balance(alice, lockedTia).IsZero())
	s.Require().Equal(int64(600), s.app.BankKeeper.GetSupply(s.ctx, lockedTia).Amount.Int64())
	restaked, err := s.k.RestakedLocked(s.ctx, alice)
	s.Require().NoError(err)
	s.Require().Equal(coins(300, lockedTia), restaked, "unbonding stake stops counting at once")
	gs, err := s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	s.Require().Len(gs.PendingBurns, 1)

	// Not yet: nothing is burned before the unbonding completes.
	s.endBlock(s.ctx.BlockTime().Add(time.Hour))
	s.Require().Equal(int64(600), s.app.BankKeeper.GetSupply(s.ctx, lockedTia).Amount.Int64())

	params, err := s.app.RestakingKeeper.GetParams(s.ctx)
	s.Require().NoError(err)
	s.advanceTo(s.ctx.BlockTime().Add(params.UnbondingTime))
	s.Require().Equal(int64(300), s.app.BankKeeper.GetSupply(s.ctx, lockedTia).Amount.Int64())
	s.Require().True(s.balance(alice, lockedTia).IsZero(), "the payout was burned in the block it arrived")
	gs, err = s.k.ExportGenesis(s.ctx)
	s.Require().NoError(err)
	s.Require().Empty(gs.PendingBurns)
	s.requireInvariant()
}

// advanceTo runs blocks until the restaking clock, which advances by at
// most max_time_step a block, reaches t.
func (s *KeeperTestSuite) advanceTo(t time.Time) {
	for {
		now, err := s.app.RestakingKeeper.Now(s.ctx)
		s.Require().NoError(err)
		if !now.Before(t) {
			return
		}
		s.endBlock(t)
	}
}

// endBlock moves to the next block at t and runs restaking's and this
// module's begin/end blockers in the app's order.
func (s *KeeperTestSuite) endBlock(t time.Time) {
	s.ctx = s.ctx.WithBlockHeight(s.ctx.BlockHeight() + 1).WithBlockTime(t)
	s.Require().NoError(s.app.RestakingKeeper.BeginBlocker(s.ctx))
	s.Require().NoError(s.app.RestakingKeeper.EndBlocker(s.ctx))
	s.Require().NoError(s.k.EndBlocker(s.ctx))
}
