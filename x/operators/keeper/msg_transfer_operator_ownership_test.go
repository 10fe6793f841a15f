package keeper_test

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func (s *KeeperTestSuite) TestMsgTransferOperatorOwnership() {
	registered := func(s *KeeperTestSuite) { s.register(alice) }
	transfer := func(sender string, id uint32, newAdmin string) *types.MsgTransferOperatorOwnership {
		return &types.MsgTransferOperatorOwnership{Sender: sender, OperatorId: id, NewAdmin: newAdmin}
	}

	cases := []msgCase[*types.MsgTransferOperatorOwnership, *types.MsgTransferOperatorOwnershipResponse]{
		{
			name:  "new admin takes over, old admin is locked out",
			setup: registered,
			msg:   transfer(alice, 1, bob),
			check: func(s *KeeperTestSuite, _ *types.MsgTransferOperatorOwnershipResponse) {
				s.Require().Equal(bob, s.operator(1).Admin)
				s.Require().Equal([]string{"milkyway.operators.v1.EventTransferOperatorOwnership"}, s.eventTypes())
				_, err := s.ms.DeactivateOperator(s.ctx, &types.MsgDeactivateOperator{Sender: alice, OperatorId: 1})
				s.Require().ErrorIs(err, access.ErrNotAdmin)
				_, err = s.ms.DeactivateOperator(s.ctx, &types.MsgDeactivateOperator{Sender: bob, OperatorId: 1})
				s.Require().NoError(err)
			},
		},
		{name: "not the admin", setup: registered, msg: transfer(carol, 1, carol), expErr: access.ErrNotAdmin},
		{name: "unknown operator", setup: registered, msg: transfer(alice, 2, bob), expErr: types.ErrOperatorNotFound},
		{name: "operator id zero", setup: registered, msg: transfer(alice, 0, bob), expErr: types.ErrInvalidOperatorID},
		{name: "invalid new admin", setup: registered, msg: transfer(alice, 1, "milk1nope"), expErr: types.ErrInvalidAddress},
		{name: "empty new admin", setup: registered, msg: transfer(alice, 1, ""), expErr: types.ErrInvalidAddress},
		{name: "invalid sender", setup: registered, msg: transfer("x", 1, bob), expErr: types.ErrInvalidAddress},
	}
	runMsgCases(s, cases, func(ctx context.Context, m *types.MsgTransferOperatorOwnership) (*types.MsgTransferOperatorOwnershipResponse, error) {
		return s.ms.TransferOperatorOwnership(ctx, m)
	})
}
