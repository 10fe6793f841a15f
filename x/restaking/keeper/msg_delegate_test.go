package keeper_test

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	poolstypes "github.com/milkyway-labs/milkyway-rollup/x/pools/types"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

func (s *KeeperTestSuite) TestDelegate() {
	tests := []struct {
		name   string
		setup  func()
		run    func() (*types.MsgDelegateResponse, error)
		expErr error
		check  func(res *types.MsgDelegateResponse)
	}{
		{
			name: "first pool delegation creates the pool and mints shares 1:1",
			run: func() (*types.MsgDelegateResponse, error) {
				return s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 1000)})
			},
			check: func(res *types.MsgDelegateResponse) {
				s.Require().Equal(sdk.NewDecCoins(sdk.NewInt64DecCoin("umilktia", 1000)), res.NewShares)
				pool, err := s.pools.GetPoolByDenom(s.ctx, "umilktia")
				s.Require().NoError(err)
				s.Require().Equal(int64(1000), s.balance(pool.Address, "umilktia").Int64())
				s.Require().Equal(int64(999999000), s.balance(alice, "umilktia").Int64())
			},
		},
		{
			name:  "operator delegation in two denoms",
			setup: func() { s.registerOperator() },
			run: func() (*types.MsgDelegateResponse, error) {
				return s.msgs.DelegateOperator(s.ctx, &types.MsgDelegateOperator{Delegator: alice, OperatorId: 1, Amount: coins("500umilk,700umilktia")})
			},
			check: func(res *types.MsgDelegateResponse) {
				s.Require().Equal("500.000000000000000000umilk,700.000000000000000000umilktia", res.NewShares.String())
			},
		},
		{
			name:  "inactivating operator refuses delegations",
			setup: func() { s.deactivateOperator(s.registerOperator()) },
			run: func() (*types.MsgDelegateResponse, error) {
				return s.msgs.DelegateOperator(s.ctx, &types.MsgDelegateOperator{Delegator: alice, OperatorId: 1, Amount: coins("500umilk")})
			},
			expErr: types.ErrTargetNotActive,
		},
		{
			name: "unknown operator",
			run: func() (*types.MsgDelegateResponse, error) {
				return s.msgs.DelegateOperator(s.ctx, &types.MsgDelegateOperator{Delegator: alice, OperatorId: 9, Amount: coins("500umilk")})
			},
			expErr: types.ErrTargetNotFound,
		},
		{
			name:  "service delegation in an allowed denom",
			setup: func() { s.activeService("umilktia") },
			run: func() (*types.MsgDelegateResponse, error) {
				return s.msgs.DelegateService(s.ctx, &types.MsgDelegateService{Delegator: alice, ServiceId: 1, Amount: coins("10umilktia")})
			},
			check: func(res *types.MsgDelegateResponse) {
				s.Require().Equal("10.000000000000000000umilktia", res.NewShares.String())
			},
		},
		{
			name:  "service refuses a denom outside its list",
			setup: func() { s.activeService("umilktia") },
			run: func() (*types.MsgDelegateResponse, error) {
				return s.msgs.DelegateService(s.ctx, &types.MsgDelegateService{Delegator: alice, ServiceId: 1, Amount: coins("10umilk,10umilktia")})
			},
			expErr: types.ErrDenomNotRestakable,
		},
		{
			name:  "globally disallowed denom creates no pool",
			setup: func() { s.setAllowedDenoms("umilktia") },
			run: func() (*types.MsgDelegateResponse, error) {
				return s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("uinit", 5)})
			},
			expErr: types.ErrDenomNotRestakable,
			check:  nil,
		},
		{
			name: "more than the balance",
			run: func() (*types.MsgDelegateResponse, error) {
				return s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilk", 2000000000)})
			},
			expErr: sdkerrors.ErrInsufficientFunds,
		},
		{
			name: "zero amount",
			run: func() (*types.MsgDelegateResponse, error) {
				return s.msgs.DelegateService(s.ctx, &types.MsgDelegateService{Delegator: alice, ServiceId: 1, Amount: sdk.Coins{}})
			},
			expErr: types.ErrInvalidAmount,
		},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			s.SetupTest()
			if tc.setup != nil {
				tc.setup()
			}
			before := s.exported()
			aliceBefore := s.bank.GetAllBalances(s.ctx, sdk.MustAccAddressFromBech32(alice))
			res, err := tc.run()
			if tc.expErr != nil {
				s.Require().ErrorIs(err, tc.expErr)
				s.Require().Equal(before, s.exported(), "a rejected Msg must change nothing")
				s.Require().Equal(aliceBefore, s.bank.GetAllBalances(s.ctx, sdk.MustAccAddressFromBech32(alice)))
				_, poolErr := s.pools.GetPoolByDenom(s.ctx, "uinit")
				s.Require().ErrorIs(poolErr, poolstypes.ErrPoolNotFound)
				return
			}
			s.Require().NoError(err)
			tc.check(res)
			msg, broken := s.k.StakeInvariant(s.ctx)
			s.Require().False(broken, msg)
		})
	}
}

func (s *KeeperTestSuite) setAllowedDenoms(denoms ...string) {
	params := types.DefaultParams()
	params.AllowedDenoms = denoms
	_, err := s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: authority, Params: params})
	s.Require().NoError(err)
}
