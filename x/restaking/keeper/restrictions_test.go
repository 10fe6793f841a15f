package keeper_test

import (
	"context"
	"errors"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// unitPrices values every coin at 1 USD per unit.
type unitPrices struct{}

func (unitPrices) USDValue(_ context.Context, coins sdk.Coins) (sdkmath.LegacyDec, error) {
	total := sdkmath.ZeroInt()
	for _, c := range coins {
		total = total.Add(c.Amount)
	}
	return sdkmath.LegacyNewDecFromInt(total), nil
}

func (s *KeeperTestSuite) setCap(usd int64) {
	params := types.DefaultParams()
	params.RestakingCap = sdkmath.LegacyNewDec(usd)
	_, err := s.msgs.UpdateParams(s.ctx, &types.MsgUpdateParams{Authority: authority, Params: params})
	s.Require().NoError(err)
}

// TestRestakingCap: with prices wired, the cap counts everything restaked
// (across targets and denoms) plus the new amount; undelegating frees room.
func (s *KeeperTestSuite) TestRestakingCap() {
	s.setCap(1000)
	s.delegatePool(alice, "600umilktia")
	_, err := s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: bob, Amount: sdk.NewInt64Coin("umilk", 401)})
	s.Require().NoError(err, "no price source yet: the cap is off")

	s.k.SetPriceSource(unitPrices{})
	_, err = s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: bob, Amount: sdk.NewInt64Coin("umilk", 1)})
	s.Require().ErrorIs(err, types.ErrRestakingCapExceeded, "1001 + 1 > 1000")

	_, err = s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("umilktia", 100)})
	s.Require().NoError(err)
	_, err = s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: bob, Amount: sdk.NewInt64Coin("umilk", 99)})
	s.Require().NoError(err, "901 + 99 = 1000 fits")
}

func (s *KeeperTestSuite) TestRestakeRestriction() {
	refuse := errors.New("locked tokens need insurance")
	s.k.SetRestakeRestriction(func(_ context.Context, user sdk.AccAddress, amount sdk.Coins) error {
		if amount.AmountOf("uinit").IsPositive() {
			return refuse
		}
		return nil
	})
	_, err := s.msgs.DelegatePool(s.ctx, &types.MsgDelegatePool{Delegator: alice, Amount: sdk.NewInt64Coin("uinit", 5)})
	s.Require().ErrorIs(err, refuse)
	s.delegatePool(alice, "5umilk")
}

func (s *KeeperTestSuite) TestUnbondingQueries() {
	s.delegatePool(alice, "100umilktia")
	s.delegatePool(bob, "100umilktia")
	for _, user := range []string{alice, bob} {
		_, err := s.msgs.UndelegatePool(s.ctx, &types.MsgUndelegatePool{Delegator: user, Amount: sdk.NewInt64Coin("umilktia", 10)})
		s.Require().NoError(err)
	}
	res, err := s.queries.TargetUnbondingDelegations(s.ctx, &types.QueryTargetDelegationsRequest{Type: types.DELEGATION_TYPE_POOL, TargetId: 1})
	s.Require().NoError(err)
	s.Require().Len(res.UnbondingDelegations, 2)
	mine, err := s.queries.DelegatorUnbondingDelegations(s.ctx, &types.QueryDelegatorUnbondingDelegationsRequest{Delegator: alice, Type: types.DELEGATION_TYPE_POOL})
	s.Require().NoError(err)
	s.Require().Len(mine.UnbondingDelegations, 1)
	none, err := s.queries.DelegatorUnbondingDelegations(s.ctx, &types.QueryDelegatorUnbondingDelegationsRequest{Delegator: alice, Type: types.DELEGATION_TYPE_SERVICE})
	s.Require().NoError(err)
	s.Require().Empty(none.UnbondingDelegations)
	_, err = s.queries.TargetUnbondingDelegations(s.ctx, &types.QueryTargetDelegationsRequest{TargetId: 1})
	s.Require().ErrorContains(err, "unknown delegation type")
}
