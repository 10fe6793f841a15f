package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// pageIDs pages through the second ids of a (first id, second id) key set
// or reverse index.
func pageIDs(ctx context.Context, set query.Collection[IDPair, collections.NoValue], first uint32, page *query.PageRequest) (*types.QueryIDsResponse, error) {
	ids, res, err := query.CollectionPaginate(ctx, set, page,
		func(key IDPair, _ collections.NoValue) (uint32, error) {
			return key.K2(), nil
		},
		query.WithCollectionPaginationPairPrefix[uint32, uint32](first))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryIDsResponse{Ids: ids, Pagination: res}, nil
}

// OperatorJoinedServices lists the services an operator joined.
func (q queryServer) OperatorJoinedServices(ctx context.Context, req *types.QueryOperatorJoinedServicesRequest) (*types.QueryIDsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return pageIDs(ctx, q.k.operatorJoinedServices, req.OperatorId, req.Pagination)
}

// ServiceOperators lists the operators that joined a service.
func (q queryServer) ServiceOperators(ctx context.Context, req *types.QueryServiceRequest) (*types.QueryIDsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return pageIDs(ctx, q.k.operatorJoinedServices.Indexes.Reverse, req.ServiceId, req.Pagination)
}

// ServiceAllowedOperators lists a service's allowlist.
func (q queryServer) ServiceAllowedOperators(ctx context.Context, req *types.QueryServiceRequest) (*types.QueryIDsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return pageIDs(ctx, q.k.serviceAllowList, req.ServiceId, req.Pagination)
}

// ServiceSecuringPools lists the pools a service borrows.
func (q queryServer) ServiceSecuringPools(ctx context.Context, req *types.QueryServiceRequest) (*types.QueryIDsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return pageIDs(ctx, q.k.serviceSecuringPools, req.ServiceId, req.Pagination)
}

// UserPreferences returns a user's preferences (empty: trusts no service).
func (q queryServer) UserPreferences(ctx context.Context, req *types.QueryUserPreferencesRequest) (*types.QueryUserPreferencesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	user, err := parseUser(req.User)
	if err != nil {
		return nil, err
	}
	prefs, err := q.k.userPreferences.Get(ctx, user)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	return &types.QueryUserPreferencesResponse{Preferences: prefs}, nil
}
