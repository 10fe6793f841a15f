package keeper_test

import (
	"context"
	"time"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// fixedClock is a bounded clock that stays where the test puts it.
type fixedClock struct{ t time.Time }

func (c *fixedClock) Now(context.Context) (time.Time, error) { return c.t, nil }

// TestInactivationFollowsTheBoundedClock: with a clock set, a block time
// that jumps past the deactivation delay does not complete inactivation;
// the clock reaching it does.
func (s *KeeperTestSuite) TestInactivationFollowsTheBoundedClock() {
	clock := &fixedClock{t: t0}
	s.k.SetClock(clock)
	id := s.register(alice)
	s.deactivate(id)

	s.advance(30 * 24 * time.Hour) // the sequencer's block time jumps a month
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	s.Require().Equal(types.OPERATOR_STATUS_INACTIVATING, s.operator(id).Status)

	clock.t = t0.Add(types.DefaultDeactivationTime)
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	s.Require().Equal(types.OPERATOR_STATUS_INACTIVE, s.operator(id).Status)
}
