package keeper_test

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func (s *KeeperTestSuite) TestMsgUpdateOperator() {
	registered := func(s *KeeperTestSuite) { s.register(alice) }
	update := func(sender string, id uint32, moniker, website, picture string) *types.MsgUpdateOperator {
		return &types.MsgUpdateOperator{Sender: sender, OperatorId: id, Moniker: moniker, Website: website, PictureUrl: picture}
	}
	keep := types.DoNotModify

	cases := []msgCase[*types.MsgUpdateOperator, *types.MsgUpdateOperatorResponse]{
		{
			name:  "changes the given fields and keeps [do-not-modify] ones",
			setup: registered,
			msg:   update(alice, 1, "Renamed", keep, ""),
			check: func(s *KeeperTestSuite, _ *types.MsgUpdateOperatorResponse) {
				op := s.operator(1)
				s.Require().Equal("Renamed", op.Moniker)
				s.Require().Equal("https://one.example", op.Website)
				s.Require().Empty(op.PictureUrl, "an empty value clears an optional field")
				s.Require().Equal([]string{"milkyway.operators.v1.EventUpdateOperator"}, s.eventTypes())
			},
		},
		{
			name:  "an INACTIVE operator can be updated",
			setup: func(s *KeeperTestSuite) { s.register(alice); s.makeInactive(1) },
			msg:   update(alice, 1, "Resting", keep, keep),
			check: func(s *KeeperTestSuite, _ *types.MsgUpdateOperatorResponse) {
				s.Require().Equal("Resting", s.operator(1).Moniker)
			},
		},
		{name: "not the admin", setup: registered, msg: update(bob, 1, "Mine", keep, keep), expErr: access.ErrNotAdmin},
		{name: "unknown operator", setup: registered, msg: update(alice, 7, "X", keep, keep), expErr: types.ErrOperatorNotFound},
		{name: "operator id zero", setup: registered, msg: update(alice, 0, "X", keep, keep), expErr: types.ErrInvalidOperatorID},
		{name: "invalid sender", setup: registered, msg: update("milk1bad", 1, "X", keep, keep), expErr: types.ErrInvalidAddress},
		{name: "empty moniker", setup: registered, msg: update(alice, 1, "", keep, keep), expErr: types.ErrInvalidMetadata},
		{
			name:   "picture url too long",
			setup:  registered,
			msg:    update(alice, 1, keep, keep, string(make([]byte, types.MaxPictureURLLength+1))),
			expErr: types.ErrInvalidMetadata,
		},
	}
	runMsgCases(s, cases, func(ctx context.Context, m *types.MsgUpdateOperator) (*types.MsgUpdateOperatorResponse, error) {
		return s.ms.UpdateOperator(ctx, m)
	})
}
