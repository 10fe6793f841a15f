package keeper_test

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func (s *KeeperTestSuite) TestMsgDeleteOperator() {
	inactive := func(s *KeeperTestSuite) { s.register(alice); s.makeInactive(1) }
	del := func(sender string, id uint32) *types.MsgDeleteOperator {
		return &types.MsgDeleteOperator{Sender: sender, OperatorId: id}
	}

	cases := []msgCase[*types.MsgDeleteOperator, *types.MsgDeleteOperatorResponse]{
		{
			name:  "INACTIVE operator, guard agrees: operator, params and address index removed",
			setup: inactive,
			msg:   del(alice, 1),
			check: func(s *KeeperTestSuite, _ *types.MsgDeleteOperatorResponse) {
				_, err := s.k.GetOperator(s.ctx, 1)
				s.Require().ErrorIs(err, types.ErrOperatorNotFound)
				_, err = s.k.GetOperatorParams(s.ctx, 1)
				s.Require().ErrorIs(err, types.ErrOperatorNotFound)
				isOp, err := s.k.IsOperatorAddress(s.ctx, types.OperatorAddress(1))
				s.Require().NoError(err)
				s.Require().False(isOp)
				s.Require().Equal([]uint32{1}, s.guard.asked)
				s.Require().Contains(s.hooks.calls, "BeforeOperatorDeleted:1")
				s.Require().Equal([]string{"milkyway.operators.v1.EventDeleteOperator"}, s.eventTypes())
				s.Require().Equal(uint32(2), s.register(bob), "ids are never reused")
			},
		},
		{
			name:   "guard refuses (delegations remain): nothing deleted, hook not called",
			setup:  func(s *KeeperTestSuite) { inactive(s); s.guard.err = errRefuse },
			msg:    del(alice, 1),
			expErr: errRefuse,
		},
		{
			name:   "BeforeOperatorDeleted fails: nothing deleted",
			setup:  func(s *KeeperTestSuite) { inactive(s); s.hooks.failOn = "BeforeOperatorDeleted" },
			msg:    del(alice, 1),
			expErr: errHook,
		},
		{name: "ACTIVE", setup: func(s *KeeperTestSuite) { s.register(alice) }, msg: del(alice, 1), expErr: types.ErrOperatorNotInactive},
		{
			name:   "INACTIVATING",
			setup:  func(s *KeeperTestSuite) { s.register(alice); s.deactivate(1) },
			msg:    del(alice, 1),
			expErr: types.ErrOperatorNotInactive,
		},
		{name: "not the admin", setup: inactive, msg: del(bob, 1), expErr: access.ErrNotAdmin},
		{name: "unknown operator", setup: inactive, msg: del(alice, 3), expErr: types.ErrOperatorNotFound},
		{name: "operator id zero", setup: inactive, msg: del(alice, 0), expErr: types.ErrInvalidOperatorID},
		{name: "invalid sender", setup: inactive, msg: del("not-an-address", 1), expErr: types.ErrInvalidAddress},
	}
	runMsgCases(s, cases, func(ctx context.Context, m *types.MsgDeleteOperator) (*types.MsgDeleteOperatorResponse, error) {
		return s.ms.DeleteOperator(ctx, m)
	})
}
