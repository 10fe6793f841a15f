package keeper_test

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func (s *KeeperTestSuite) TestMsgReactivateOperator() {
	inactive := func(s *KeeperTestSuite) { s.register(alice); s.makeInactive(1) }
	reactivate := func(sender string, id uint32) *types.MsgReactivateOperator {
		return &types.MsgReactivateOperator{Sender: sender, OperatorId: id}
	}

	cases := []msgCase[*types.MsgReactivateOperator, *types.MsgReactivateOperatorResponse]{
		{
			name:  "INACTIVE -> ACTIVE, commission kept, queue empty",
			setup: inactive,
			msg:   reactivate(alice, 1),
			check: func(s *KeeperTestSuite, _ *types.MsgReactivateOperatorResponse) {
				s.Require().Equal(types.OPERATOR_STATUS_ACTIVE, s.operator(1).Status)
				p, err := s.k.GetOperatorParams(s.ctx, 1)
				s.Require().NoError(err)
				s.Require().Equal(rate10, p.CommissionRate, "inactivation does not reset the commission")
				st := s.state()
				s.Require().Empty(st.Genesis.InactivatingOperators)
				s.Require().Empty(st.Ends)
				s.Require().Contains(s.hooks.calls, "AfterOperatorReactivated:1")
				s.Require().Equal([]string{"milkyway.operators.v1.EventReactivateOperator"}, s.eventTypes())
			},
		},
		{
			name: "reactivating twice is refused",
			setup: func(s *KeeperTestSuite) {
				inactive(s)
				_, err := s.ms.ReactivateOperator(s.ctx, reactivate(alice, 1))
				s.Require().NoError(err)
			},
			msg:    reactivate(alice, 1),
			expErr: types.ErrOperatorNotInactive,
		},
		{
			name:   "INACTIVATING cannot be reactivated; its queue entry stays",
			setup:  func(s *KeeperTestSuite) { s.register(alice); s.deactivate(1) },
			msg:    reactivate(alice, 1),
			expErr: types.ErrOperatorNotInactive,
		},
		{name: "ACTIVE cannot be reactivated", setup: func(s *KeeperTestSuite) { s.register(alice) }, msg: reactivate(alice, 1), expErr: types.ErrOperatorNotInactive},
		{name: "not the admin", setup: inactive, msg: reactivate(bob, 1), expErr: access.ErrNotAdmin},
		{name: "unknown operator", setup: inactive, msg: reactivate(alice, 9), expErr: types.ErrOperatorNotFound},
		{name: "operator id zero", setup: inactive, msg: reactivate(alice, 0), expErr: types.ErrInvalidOperatorID},
	}
	runMsgCases(s, cases, func(ctx context.Context, m *types.MsgReactivateOperator) (*types.MsgReactivateOperatorResponse, error) {
		return s.ms.ReactivateOperator(ctx, m)
	})
}

// Deactivate, complete, reactivate and deactivate again: each round leaves
// exactly one queue entry, at the latest completion time.
func (s *KeeperTestSuite) TestReactivatedOperatorRequeuesCleanly() {
	id := s.register(alice)
	s.makeInactive(id)
	_, err := s.ms.ReactivateOperator(s.ctx, &types.MsgReactivateOperator{Sender: alice, OperatorId: id})
	s.Require().NoError(err)
	s.deactivate(id)
	ids, err := s.k.QueuedOperatorIDs(s.ctx)
	s.Require().NoError(err)
	s.Require().Equal([]uint32{id}, ids)
	s.Require().Equal(s.ctx.BlockTime().Add(types.DefaultDeactivationTime), s.state().Ends[id])
}
