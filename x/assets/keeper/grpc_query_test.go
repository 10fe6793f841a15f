package keeper_test

import (
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

func (s *KeeperTestSuite) TestQueryAsset() {
	s.register(atom, ibcAtom)
	tests := []struct {
		name    string
		req     *types.QueryAssetRequest
		expCode codes.Code
		exp     types.Asset
	}{
		{"native denom", &types.QueryAssetRequest{Denom: "uatom"}, codes.OK, atom},
		{"ibc denom", &types.QueryAssetRequest{Denom: ibcAtomDenom}, codes.OK, ibcAtom},
		{"unknown denom", &types.QueryAssetRequest{Denom: "utia"}, codes.NotFound, types.Asset{}},
		{"nil request", nil, codes.InvalidArgument, types.Asset{}},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			res, err := s.queries.Asset(s.ctx, tc.req)
			s.Require().Equal(tc.expCode, status.Code(err), "%v", err)
			if tc.expCode == codes.OK {
				s.Require().Equal(tc.exp, res.Asset)
			}
		})
	}
}

func (s *KeeperTestSuite) TestQueryAssets() {
	s.register(tia, atom, milk, ibcAtom)
	tests := []struct {
		name    string
		req     *types.QueryAssetsRequest
		expCode codes.Code
		exp     []types.Asset
		expNext bool
	}{
		{"all, by denom", &types.QueryAssetsRequest{}, codes.OK, []types.Asset{ibcAtom, atom, milk, tia}, false},
		{"one ticker", &types.QueryAssetsRequest{Ticker: "ATOM"}, codes.OK, []types.Asset{ibcAtom, atom}, false},
		{"ticker with one asset", &types.QueryAssetsRequest{Ticker: "MILK"}, codes.OK, []types.Asset{milk}, false},
		{"ticker without assets", &types.QueryAssetsRequest{Ticker: "OSMO"}, codes.OK, nil, false},
		// ATO is a prefix of ATOM: the pair prefix must match whole tickers.
		{"prefix of a ticker", &types.QueryAssetsRequest{Ticker: "ATO"}, codes.OK, nil, false},
		{"lowercase ticker", &types.QueryAssetsRequest{Ticker: "atom"}, codes.InvalidArgument, nil, false},
		{"first page", &types.QueryAssetsRequest{Pagination: &query.PageRequest{Limit: 3}}, codes.OK, []types.Asset{ibcAtom, atom, milk}, true},
		{"first page of a ticker", &types.QueryAssetsRequest{Ticker: "ATOM", Pagination: &query.PageRequest{Limit: 1}}, codes.OK, []types.Asset{ibcAtom}, true},
		{"offset within a ticker", &types.QueryAssetsRequest{Ticker: "ATOM", Pagination: &query.PageRequest{Offset: 1, Limit: 1}}, codes.OK, []types.Asset{atom}, false},
		{"nil request", nil, codes.InvalidArgument, nil, false},
	}
	for _, tc := range tests {
		s.Run(tc.name, func() {
			res, err := s.queries.Assets(s.ctx, tc.req)
			s.Require().Equal(tc.expCode, status.Code(err), "%v", err)
			if tc.expCode != codes.OK {
				return
			}
			s.Require().Equal(tc.exp, res.Assets)
			s.Require().Equal(tc.expNext, res.Pagination.NextKey != nil)
		})
	}
}

// TestQueryAssetsPagesThroughATicker follows next keys until the end and
// sees every asset of the ticker exactly once, none of another ticker.
func (s *KeeperTestSuite) TestQueryAssetsPagesThroughATicker() {
	s.register(tia, atom, milk, ibcAtom, types.NewAsset("uatom2", "ATOM", 6))
	var got []types.Asset
	page := &query.PageRequest{Limit: 1, CountTotal: true}
	for {
		res, err := s.queries.Assets(s.ctx, &types.QueryAssetsRequest{Ticker: "ATOM", Pagination: page})
		s.Require().NoError(err)
		got = append(got, res.Assets...)
		if page.Key == nil {
			s.Require().Equal(uint64(3), res.Pagination.Total)
		}
		if res.Pagination.NextKey == nil {
			break
		}
		page = &query.PageRequest{Key: res.Pagination.NextKey, Limit: 1}
	}
	s.Require().Equal([]types.Asset{ibcAtom, atom, types.NewAsset("uatom2", "ATOM", 6)}, got)
}
