package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the Query service implementation.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

// Asset returns the asset of a denom.
func (q queryServer) Asset(ctx context.Context, req *types.QueryAssetRequest) (*types.QueryAssetResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	a, err := q.k.GetAsset(ctx, req.Denom)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	resp := &types.QueryAssetResponse{Asset: a}
	if trace, found := q.k.IBCTrace(ctx, a.Denom); found {
		resp.IbcTrace = &trace
	}
	return resp, nil
}

// Assets lists assets by denom, paginated. With a ticker it pages through
// that ticker's slice of the ticker index instead of filtering every asset.
func (q queryServer) Assets(ctx context.Context, req *types.QueryAssetsRequest) (*types.QueryAssetsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	var (
		assets []types.Asset
		page   *query.PageResponse
		err    error
	)
	if req.Ticker == "" {
		assets, page, err = query.CollectionPaginate(ctx, q.k.assets, req.Pagination,
			func(_ string, a types.Asset) (types.Asset, error) { return a, nil })
	} else {
		if err := types.ValidateTicker(req.Ticker); err != nil {
			return nil, status.Error(codes.InvalidArgument, err.Error())
		}
		assets, page, err = query.CollectionPaginate(ctx, q.k.tickerIndex, req.Pagination,
			func(key collections.Pair[string, string], _ collections.NoValue) (types.Asset, error) {
				return q.k.assets.Get(ctx, key.K2())
			},
			query.WithCollectionPaginationPairPrefix[string, string](req.Ticker))
	}
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	var traces []types.IBCTrace
	for _, a := range assets {
		if trace, found := q.k.IBCTrace(ctx, a.Denom); found {
			traces = append(traces, trace)
		}
	}
	return &types.QueryAssetsResponse{Assets: assets, Pagination: page, IbcTraces: traces}, nil
}
