package keeper_test

import (
	"time"

	storetypes "cosmossdk.io/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

const evComplete = "milkyway.operators.v1.EventCompleteOperatorInactivation"

func (s *KeeperTestSuite) TestBeginBlockerCompletesOnlyMaturedInactivations() {
	first, second := s.register(alice), s.register(alice)
	s.deactivate(first)
	s.advance(time.Hour)
	s.deactivate(second)

	// One second before the first completion: nothing happens.
	s.ctx = s.ctx.WithBlockTime(t0.Add(types.DefaultDeactivationTime - time.Second)).WithEventManager(sdk.NewEventManager())
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	s.Require().Equal(types.OPERATOR_STATUS_INACTIVATING, s.operator(first).Status)
	s.Require().Empty(s.ctx.EventManager().Events())

	// At the completion time: the first is INACTIVE, the second still waits.
	s.ctx = s.ctx.WithBlockTime(t0.Add(types.DefaultDeactivationTime)).WithEventManager(sdk.NewEventManager())
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	s.Require().Equal(types.OPERATOR_STATUS_INACTIVE, s.operator(first).Status)
	s.Require().Equal(types.OPERATOR_STATUS_INACTIVATING, s.operator(second).Status)
	s.Require().Equal([]string{evComplete}, s.eventTypes())
	s.Require().Contains(s.hooks.calls, "AfterOperatorInactivatingCompleted:1")
	ids, err := s.k.QueuedOperatorIDs(s.ctx)
	s.Require().NoError(err)
	s.Require().Equal([]uint32{second}, ids)
	s.Require().NotContains(s.state().Ends, first)

	// Long after both: the second completes; a later block has nothing to do.
	s.ctx = s.ctx.WithBlockTime(t0.Add(30 * 24 * time.Hour)).WithEventManager(sdk.NewEventManager())
	s.Require().NoError(s.k.BeginBlocker(s.ctx))
	s.Require().Equal(types.OPERATOR_STATUS_INACTIVE, s.operator(second).Status)
	s.Require().Equal([]string{evComplete}, s.eventTypes())
	s.Require().Empty(s.state().Ends)
	s.Require().NoError(s.k.BeginBlocker(s.ctx))

	p, err := s.k.GetOperatorParams(s.ctx, first)
	s.Require().NoError(err)
	s.Require().Equal(rate10, p.CommissionRate, "the commission is not reset by inactivation")
}

func (s *KeeperTestSuite) TestBeginBlockerHookErrorIsReturned() {
	s.makeInactive(s.register(alice)) // warm-up round without failure
	id := s.register(alice)
	s.deactivate(id)
	s.hooks.failOn = "AfterOperatorInactivatingCompleted"
	s.advance(types.DefaultDeactivationTime)
	s.Require().ErrorIs(s.k.BeginBlocker(s.ctx), errHook)
}

// BeginBlock reads only matured queue entries: the gas it uses to complete
// one inactivation does not depend on how many others are still pending.
func (s *KeeperTestSuite) TestBeginBlockerCostIgnoresPendingEntries() {
	gasToComplete := func(pending int) storetypes.Gas {
		s.SetupTest()
		id := s.register(alice)
		s.deactivate(id)
		s.advance(time.Minute)
		for i := 0; i < pending; i++ {
			s.deactivate(s.register(alice))
		}
		s.ctx = s.ctx.WithBlockTime(t0.Add(types.DefaultDeactivationTime)).WithGasMeter(storetypes.NewInfiniteGasMeter())
		s.Require().NoError(s.k.BeginBlocker(s.ctx))
		s.Require().Equal(types.OPERATOR_STATUS_INACTIVE, s.operator(id).Status)
		return s.ctx.GasMeter().GasConsumed()
	}
	s.Require().Equal(gasToComplete(0), gasToComplete(50))
}
