package keeper_test

import (
	"context"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func (s *KeeperTestSuite) TestMsgUpdateParams() {
	newParams := types.NewParams(coins("1000umilk"), time.Hour)
	update := func(auth string, p types.Params) *types.MsgUpdateParams {
		return &types.MsgUpdateParams{Authority: auth, Params: p}
	}

	cases := []msgCase[*types.MsgUpdateParams, *types.MsgUpdateParamsResponse]{
		{
			name: "authority replaces the params",
			msg:  update(authority, newParams),
			check: func(s *KeeperTestSuite, _ *types.MsgUpdateParamsResponse) {
				p, err := s.k.GetParams(s.ctx)
				s.Require().NoError(err)
				s.Require().Equal(newParams, p)
				s.Require().Equal([]string{"milkyway.operators.v1.EventUpdateParams"}, s.eventTypes())
			},
		},
		{
			name: "INACTIVATING operators keep their completion time",
			setup: func(s *KeeperTestSuite) {
				s.register(alice)
				s.deactivate(1)
			},
			msg: update(authority, newParams),
			check: func(s *KeeperTestSuite, _ *types.MsgUpdateParamsResponse) {
				s.Require().Equal(t0.Add(types.DefaultDeactivationTime), s.state().Ends[1])
			},
		},
		{name: "not the authority", msg: update(alice, newParams), expErr: access.ErrNotGovAuthority},
		{name: "zero deactivation time", msg: update(authority, types.NewParams(nil, 0)), expErr: types.ErrInvalidParams},
		{
			name:   "unsorted fee coins",
			msg:    update(authority, types.Params{OperatorRegistrationFee: sdk.Coins{sdk.NewInt64Coin("umilk", 1), sdk.NewInt64Coin("uatom", 1)}, DeactivationTime: time.Hour}),
			expErr: types.ErrInvalidParams,
		},
	}
	runMsgCases(s, cases, func(ctx context.Context, m *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
		return s.ms.UpdateParams(ctx, m)
	})
}
