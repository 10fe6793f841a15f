package keeper_test

import (
	"context"
	"time"

	"cosmossdk.io/math"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func (s *KeeperTestSuite) TestMsgSetOperatorParams() {
	// Registered at t0 with rate 0.10, max 0.20, max change 0.01.
	registeredDayAgo := func(s *KeeperTestSuite) { s.register(alice); s.advance(24 * time.Hour) }
	set := func(sender string, id uint32, rate string) *types.MsgSetOperatorParams {
		r := math.LegacyDec{}
		if rate != "" {
			r = math.LegacyMustNewDecFromStr(rate)
		}
		return &types.MsgSetOperatorParams{Sender: sender, OperatorId: id, CommissionRate: r}
	}
	rateIs := func(want string, updated time.Time) func(*KeeperTestSuite, *types.MsgSetOperatorParamsResponse) {
		return func(s *KeeperTestSuite, _ *types.MsgSetOperatorParamsResponse) {
			p, err := s.k.GetOperatorParams(s.ctx, 1)
			s.Require().NoError(err)
			s.Require().Equal(math.LegacyMustNewDecFromStr(want), p.CommissionRate)
			s.Require().Equal(updated, p.CommissionUpdateTime)
			s.Require().Equal(rate20, p.MaxCommissionRate, "bounds never change")
			s.Require().Equal(change1, p.MaxCommissionChangeRate, "bounds never change")
			s.Require().Equal([]string{"milkyway.operators.v1.EventSetOperatorParams"}, s.eventTypes())
		}
	}
	day := t0.Add(24 * time.Hour)

	cases := []msgCase[*types.MsgSetOperatorParams, *types.MsgSetOperatorParamsResponse]{
		{name: "increase by exactly the max change, 24h after registration", setup: registeredDayAgo, msg: set(alice, 1, "0.11"), check: rateIs("0.11", day)},
		{name: "large decrease is allowed (only increases are rate-limited)", setup: registeredDayAgo, msg: set(alice, 1, "0"), check: rateIs("0", day)},
		{name: "same rate is allowed and restarts the 24h window", setup: registeredDayAgo, msg: set(alice, 1, "0.10"), check: rateIs("0.10", day)},
		{name: "increase above the max change rate", setup: registeredDayAgo, msg: set(alice, 1, "0.1100001"), expErr: types.ErrCommissionChangeTooBig},
		{name: "above the max rate", setup: registeredDayAgo, msg: set(alice, 1, "0.21"), expErr: types.ErrCommissionAboveMax},
		{
			name:   "within 24h of registration",
			setup:  func(s *KeeperTestSuite) { s.register(alice); s.advance(24*time.Hour - time.Second) },
			msg:    set(alice, 1, "0.09"),
			expErr: types.ErrCommissionUpdateTooSoon,
		},
		{
			name: "within 24h of the previous change",
			setup: func(s *KeeperTestSuite) {
				registeredDayAgo(s)
				_, err := s.ms.SetOperatorParams(s.ctx, set(alice, 1, "0.11"))
				s.Require().NoError(err)
				s.advance(23 * time.Hour)
			},
			msg:    set(alice, 1, "0.12"),
			expErr: types.ErrCommissionUpdateTooSoon,
		},
		{name: "above one", setup: registeredDayAgo, msg: set(alice, 1, "1.01"), expErr: types.ErrInvalidCommission},
		{name: "negative", setup: registeredDayAgo, msg: set(alice, 1, "-0.01"), expErr: types.ErrInvalidCommission},
		{name: "not set", setup: registeredDayAgo, msg: set(alice, 1, ""), expErr: types.ErrInvalidCommission},
		{name: "not the admin", setup: registeredDayAgo, msg: set(bob, 1, "0.11"), expErr: access.ErrNotAdmin},
		{name: "unknown operator", setup: registeredDayAgo, msg: set(alice, 4, "0.11"), expErr: types.ErrOperatorNotFound},
		{name: "operator id zero", setup: registeredDayAgo, msg: set(alice, 0, "0.11"), expErr: types.ErrInvalidOperatorID},
	}
	runMsgCases(s, cases, func(ctx context.Context, m *types.MsgSetOperatorParams) (*types.MsgSetOperatorParamsResponse, error) {
		return s.ms.SetOperatorParams(ctx, m)
	})
}

// Raising the commission from 0 to the max takes one step per day.
func (s *KeeperTestSuite) TestCommissionClimbsOneStepPerDay() {
	msg := newRegisterMsg(alice)
	msg.CommissionRate = math.LegacyZeroDec()
	msg.MaxCommissionRate = math.LegacyNewDecWithPrec(3, 2)
	res, err := s.ms.RegisterOperator(s.ctx, msg)
	s.Require().NoError(err)
	for step := int64(1); step <= 3; step++ {
		s.advance(24 * time.Hour)
		_, err := s.ms.SetOperatorParams(s.ctx, &types.MsgSetOperatorParams{
			Sender: alice, OperatorId: res.NewOperatorId, CommissionRate: math.LegacyNewDecWithPrec(step, 2),
		})
		s.Require().NoError(err, "step %d", step)
	}
	s.advance(24 * time.Hour)
	_, err = s.ms.SetOperatorParams(s.ctx, &types.MsgSetOperatorParams{
		Sender: alice, OperatorId: res.NewOperatorId, CommissionRate: math.LegacyNewDecWithPrec(4, 2),
	})
	s.Require().ErrorIs(err, types.ErrCommissionAboveMax)
}
