package keeper_test

import (
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

func (s *KeeperTestSuite) TestQueries() {
	lrt := s.createDenom(alice, "ulrt")
	other := s.createDenom(alice, "abc")
	bobs := s.createDenom(bob, "ulrt")

	params, err := s.queries.Params(s.ctx, &types.QueryParamsRequest{})
	s.Require().NoError(err)
	s.Require().Equal(types.DefaultParams(), params.Params)
	s.Require().Equal(uint64(1_000_000), params.Params.DenomCreationGasConsume)

	m, err := s.queries.DenomAuthorityMetadata(s.ctx, &types.QueryDenomAuthorityMetadataRequest{Denom: bobs})
	s.Require().NoError(err)
	s.Require().Equal(bob, m.AuthorityMetadata.Admin)
	_, err = s.queries.DenomAuthorityMetadata(s.ctx, &types.QueryDenomAuthorityMetadataRequest{Denom: "factory/" + bob + "/none"})
	s.Require().Equal(codes.NotFound, status.Code(err))

	denoms, err := s.queries.DenomsFromCreator(s.ctx, &types.QueryDenomsFromCreatorRequest{Creator: alice})
	s.Require().NoError(err)
	s.Require().Equal([]string{other, lrt}, denoms.Denoms, "alice's denoms only, in byte order")
	denoms, err = s.queries.DenomsFromCreator(s.ctx, &types.QueryDenomsFromCreatorRequest{Creator: mallory})
	s.Require().NoError(err)
	s.Require().Empty(denoms.Denoms)
}
