package keeper_test

import (
	"context"
	"time"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func (s *KeeperTestSuite) TestMsgDeactivateOperator() {
	registered := func(s *KeeperTestSuite) { s.register(alice) }
	deactivate := func(sender string, id uint32) *types.MsgDeactivateOperator {
		return &types.MsgDeactivateOperator{Sender: sender, OperatorId: id}
	}

	cases := []msgCase[*types.MsgDeactivateOperator, *types.MsgDeactivateOperatorResponse]{
		{
			name:  "ACTIVE -> INACTIVATING, queued until now + deactivation_time",
			setup: registered,
			msg:   deactivate(alice, 1),
			check: func(s *KeeperTestSuite, res *types.MsgDeactivateOperatorResponse) {
				end := t0.Add(types.DefaultDeactivationTime)
				s.Require().Equal(end, res.CompletionTime)
				s.Require().Equal(types.OPERATOR_STATUS_INACTIVATING, s.operator(1).Status)
				s.Require().Equal([]types.InactivatingOperator{{OperatorId: 1, CompletionTime: end}},
					s.state().Genesis.InactivatingOperators)
				s.Require().Equal(map[uint32]time.Time{1: end}, s.state().Ends)
				s.Require().Contains(s.hooks.calls, "AfterOperatorInactivatingStarted:1")
				s.Require().Equal([]string{"milkyway.operators.v1.EventStartOperatorInactivation"}, s.eventTypes())
			},
		},
		{
			name: "uses the current deactivation_time",
			setup: func(s *KeeperTestSuite) {
				s.register(alice)
				s.setParams(types.NewParams(nil, time.Hour))
			},
			msg: deactivate(alice, 1),
			check: func(s *KeeperTestSuite, res *types.MsgDeactivateOperatorResponse) {
				s.Require().Equal(t0.Add(time.Hour), res.CompletionTime)
			},
		},
		{name: "not the admin", setup: registered, msg: deactivate(bob, 1), expErr: access.ErrNotAdmin},
		{name: "unknown operator", setup: registered, msg: deactivate(alice, 2), expErr: types.ErrOperatorNotFound},
		{name: "operator id zero", msg: deactivate(alice, 0), expErr: types.ErrInvalidOperatorID},
		{name: "invalid sender", setup: registered, msg: deactivate("", 1), expErr: types.ErrInvalidAddress},
		{
			name:   "already INACTIVATING",
			setup:  func(s *KeeperTestSuite) { s.register(alice); s.deactivate(1) },
			msg:    deactivate(alice, 1),
			expErr: types.ErrOperatorNotActive,
		},
		{
			name:   "already INACTIVE",
			setup:  func(s *KeeperTestSuite) { s.register(alice); s.makeInactive(1) },
			msg:    deactivate(alice, 1),
			expErr: types.ErrOperatorNotActive,
		},
	}
	runMsgCases(s, cases, func(ctx context.Context, m *types.MsgDeactivateOperator) (*types.MsgDeactivateOperatorResponse, error) {
		return s.ms.DeactivateOperator(ctx, m)
	})
}
