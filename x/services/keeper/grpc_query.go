package keeper

import (
	"context"

	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the Query service implementation.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

// Service returns one service.
func (q queryServer) Service(ctx context.Context, req *types.QueryServiceRequest) (*types.QueryServiceResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	s, err := q.k.GetService(ctx, req.ServiceId)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	return &types.QueryServiceResponse{Service: s}, nil
}

// Services lists services by id, paginated.
func (q queryServer) Services(ctx context.Context, req *types.QueryServicesRequest) (*types.QueryServicesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	services, page, err := query.CollectionPaginate(ctx, q.k.services, req.Pagination,
		func(_ uint32, s types.Service) (types.Service, error) { return s, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryServicesResponse{Services: services, Pagination: page}, nil
}

// ServiceParams returns a service's params.
func (q queryServer) ServiceParams(ctx context.Context, req *types.QueryServiceParamsRequest) (*types.QueryServiceParamsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, err := q.k.GetService(ctx, req.ServiceId); err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	p, err := q.k.GetServiceParams(ctx, req.ServiceId)
	if err != nil {
		return nil, err
	}
	return &types.QueryServiceParamsResponse{ServiceParams: p}, nil
}

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}
