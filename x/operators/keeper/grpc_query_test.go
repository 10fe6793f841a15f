package keeper_test

import (
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

func (s *KeeperTestSuite) TestQueryOperator() {
	id := s.register(alice)
	res, err := s.qs.Operator(s.ctx, &types.QueryOperatorRequest{OperatorId: id})
	s.Require().NoError(err)
	s.Require().Equal(s.operator(id), res.Operator)

	_, err = s.qs.Operator(s.ctx, &types.QueryOperatorRequest{OperatorId: 9})
	s.Require().ErrorIs(err, types.ErrOperatorNotFound)
	_, err = s.qs.Operator(s.ctx, &types.QueryOperatorRequest{})
	s.Require().Error(err)
}

func (s *KeeperTestSuite) TestQueryOperatorsPaginates() {
	for i := 0; i < 3; i++ {
		s.register(alice)
	}
	page1, err := s.qs.Operators(s.ctx, &types.QueryOperatorsRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	s.Require().NoError(err)
	s.Require().Len(page1.Operators, 2)
	s.Require().Equal(uint64(3), page1.Pagination.Total)
	s.Require().Equal(uint32(1), page1.Operators[0].Id)

	page2, err := s.qs.Operators(s.ctx, &types.QueryOperatorsRequest{Pagination: &query.PageRequest{Key: page1.Pagination.NextKey}})
	s.Require().NoError(err)
	s.Require().Len(page2.Operators, 1)
	s.Require().Equal(uint32(3), page2.Operators[0].Id)
	s.Require().Nil(page2.Pagination.NextKey)

	all, err := s.qs.Operators(s.ctx, nil)
	s.Require().NoError(err)
	s.Require().Len(all.Operators, 3)
}

func (s *KeeperTestSuite) TestQueryOperatorParams() {
	id := s.register(alice)
	res, err := s.qs.OperatorParams(s.ctx, &types.QueryOperatorParamsRequest{OperatorId: id})
	s.Require().NoError(err)
	s.Require().Equal(types.NewOperatorParams(rate10, rate20, change1, t0), res.OperatorParams)

	_, err = s.qs.OperatorParams(s.ctx, &types.QueryOperatorParamsRequest{OperatorId: 2})
	s.Require().ErrorIs(err, types.ErrOperatorNotFound)
}

func (s *KeeperTestSuite) TestQueryParams() {
	res, err := s.qs.Params(s.ctx, &types.QueryParamsRequest{})
	s.Require().NoError(err)
	s.Require().Equal(types.DefaultParams(), res.Params)
}
