package keeper_test

import (
	"context"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

const evRegister = "milkyway.operators.v1.EventRegisterOperator"

func (s *KeeperTestSuite) TestMsgRegisterOperator() {
	withFee := func(f string) func(*KeeperTestSuite) {
		return func(s *KeeperTestSuite) {
			s.setParams(types.NewParams(coins(f), types.DefaultDeactivationTime))
		}
	}
	msg := func(edit func(m *types.MsgRegisterOperator)) *types.MsgRegisterOperator {
		m := newRegisterMsg(alice)
		edit(m)
		return m
	}
	fee := func(c string) *types.MsgRegisterOperator {
		return msg(func(m *types.MsgRegisterOperator) { m.FeeAmount = coins(c) })
	}

	cases := []msgCase[*types.MsgRegisterOperator, *types.MsgRegisterOperatorResponse]{
		{
			name: "no fee set: ACTIVE operator with id 1, params, hook and event",
			msg:  newRegisterMsg(alice),
			check: func(s *KeeperTestSuite, res *types.MsgRegisterOperatorResponse) {
				s.Require().Equal(uint32(1), res.NewOperatorId)
				op := s.operator(1)
				addr, err := s.k.AddressCodec().BytesToString(types.OperatorAddress(1))
				s.Require().NoError(err)
				s.Require().Equal(types.NewOperator(1, types.OPERATOR_STATUS_ACTIVE, alice, "Validator One",
					"https://one.example", "https://one.example/p.png", addr), op)
				p, err := s.k.GetOperatorParams(s.ctx, 1)
				s.Require().NoError(err)
				s.Require().Equal(types.NewOperatorParams(rate10, rate20, change1, t0), p)
				s.Require().Empty(s.pool.calls, "no fee is charged when none is set")
				s.Require().Equal([]string{"AfterOperatorRegistered:1"}, s.hooks.calls)
				s.Require().Equal([]string{evRegister}, s.eventTypes())
				isOp, err := s.k.IsOperatorAddress(s.ctx, types.OperatorAddress(1))
				s.Require().NoError(err)
				s.Require().True(isOp)
			},
		},
		{
			name:  "fee paid in full: all of fee_amount goes to the community pool",
			setup: withFee("100umilk"),
			msg:   fee("150umilk,5uatom"),
			check: func(s *KeeperTestSuite, _ *types.MsgRegisterOperatorResponse) {
				sender := sdk.MustAccAddressFromBech32(alice)
				s.Require().Equal([]fundCall{{coins("150umilk,5uatom"), sender}}, s.pool.calls)
			},
		},
		{
			name:  "fee covered in one of several denoms",
			setup: withFee("100umilk,100uatom"),
			msg:   fee("100uatom"),
			check: func(s *KeeperTestSuite, _ *types.MsgRegisterOperatorResponse) {
				s.Require().Len(s.pool.calls, 1)
			},
		},
		{
			name:  "ids are sequential",
			setup: func(s *KeeperTestSuite) { s.register(bob) },
			msg:   newRegisterMsg(alice),
			check: func(s *KeeperTestSuite, res *types.MsgRegisterOperatorResponse) {
				s.Require().Equal(uint32(2), res.NewOperatorId)
			},
		},
		{name: "fee too low", setup: withFee("100umilk"), msg: fee("99umilk"), expErr: types.ErrInsufficientFee},
		{name: "fee missing", setup: withFee("100umilk"), msg: newRegisterMsg(alice), expErr: types.ErrInsufficientFee},
		{name: "fee in another denom", setup: withFee("100umilk"), msg: fee("1000uatom"), expErr: types.ErrInsufficientFee},
		{
			name:   "sender cannot pay",
			setup:  func(s *KeeperTestSuite) { withFee("100umilk")(s); s.pool.err = sdkerrors.ErrInsufficientFunds },
			msg:    fee("100umilk"),
			expErr: sdkerrors.ErrInsufficientFunds,
		},
		{
			name:   "invalid fee coins",
			msg:    msg(func(m *types.MsgRegisterOperator) { m.FeeAmount = sdk.Coins{{Denom: "umilk", Amount: math.NewInt(-1)}} }),
			expErr: types.ErrInvalidFee,
		},
		{name: "invalid sender", msg: msg(func(m *types.MsgRegisterOperator) { m.Sender = "milk1bad" }), expErr: types.ErrInvalidAddress},
		{name: "empty moniker", msg: msg(func(m *types.MsgRegisterOperator) { m.Moniker = "  " }), expErr: types.ErrInvalidMetadata},
		{name: "sentinel moniker", msg: msg(func(m *types.MsgRegisterOperator) { m.Moniker = types.DoNotModify }), expErr: types.ErrInvalidMetadata},
		{
			name:   "website too long",
			msg:    msg(func(m *types.MsgRegisterOperator) { m.Website = string(make([]byte, types.MaxWebsiteLength+1)) }),
			expErr: types.ErrInvalidMetadata,
		},
		{
			name:   "rate above max rate",
			msg:    msg(func(m *types.MsgRegisterOperator) { m.CommissionRate = math.LegacyNewDecWithPrec(21, 2) }),
			expErr: types.ErrCommissionAboveMax,
		},
		{
			name:   "max rate above one",
			msg:    msg(func(m *types.MsgRegisterOperator) { m.MaxCommissionRate = math.LegacyNewDecWithPrec(101, 2) }),
			expErr: types.ErrInvalidCommission,
		},
		{
			name:   "max change rate above max rate",
			msg:    msg(func(m *types.MsgRegisterOperator) { m.MaxCommissionChangeRate = math.LegacyNewDecWithPrec(21, 2) }),
			expErr: types.ErrInvalidCommission,
		},
		{
			name:   "negative rate",
			msg:    msg(func(m *types.MsgRegisterOperator) { m.CommissionRate = math.LegacyNewDec(-1) }),
			expErr: types.ErrInvalidCommission,
		},
		{
			name:   "rates not set",
			msg:    msg(func(m *types.MsgRegisterOperator) { m.CommissionRate = math.LegacyDec{} }),
			expErr: types.ErrInvalidCommission,
		},
	}
	runMsgCases(s, cases, func(ctx context.Context, m *types.MsgRegisterOperator) (*types.MsgRegisterOperatorResponse, error) {
		return s.ms.RegisterOperator(ctx, m)
	})
}

// A failing AfterOperatorRegistered hook fails the registration (the
// transaction then reverts everything, including the fee).
func (s *KeeperTestSuite) TestRegisterOperatorHookErrorFailsTheMsg() {
	s.hooks.failOn = "AfterOperatorRegistered"
	_, err := s.ms.RegisterOperator(s.ctx, newRegisterMsg(alice))
	s.Require().ErrorIs(err, errHook)
}
