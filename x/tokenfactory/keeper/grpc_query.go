package keeper

import (
	"context"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the Query service implementation.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// DenomAuthorityMetadata returns the admin of a factory denom.
func (q queryServer) DenomAuthorityMetadata(ctx context.Context, req *types.QueryDenomAuthorityMetadataRequest) (*types.QueryDenomAuthorityMetadataResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	m, err := q.k.GetAuthorityMetadata(ctx, req.Denom)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	return &types.QueryDenomAuthorityMetadataResponse{AuthorityMetadata: m}, nil
}

// DenomsFromCreator lists a creator's denoms from the creator index.
func (q queryServer) DenomsFromCreator(ctx context.Context, req *types.QueryDenomsFromCreatorRequest) (*types.QueryDenomsFromCreatorResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	denoms, err := q.k.GetDenomsFromCreator(ctx, req.Creator)
	if err != nil {
		return nil, err
	}
	return &types.QueryDenomsFromCreatorResponse{Denoms: denoms}, nil
}
