package keeper

import (
	"context"

	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// queryServer implements types.QueryServer over the keeper.
type queryServer struct {
	k *Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the Query service of the operators module.
func NewQueryServer(k *Keeper) types.QueryServer {
	return queryServer{k: k}
}

// Operator implements Query/Operator.
func (q queryServer) Operator(ctx context.Context, req *types.QueryOperatorRequest) (*types.QueryOperatorResponse, error) {
	if req == nil || req.OperatorId == 0 {
		return nil, status.Error(codes.InvalidArgument, "operator id must be positive")
	}
	op, err := q.k.GetOperator(ctx, req.OperatorId)
	if err != nil {
		return nil, err
	}
	return &types.QueryOperatorResponse{Operator: op}, nil
}

// Operators implements Query/Operators: every operator in id order.
func (q queryServer) Operators(ctx context.Context, req *types.QueryOperatorsRequest) (*types.QueryOperatorsResponse, error) {
	if req == nil {
		req = &types.QueryOperatorsRequest{}
	}
	ops, page, err := query.CollectionPaginate(ctx, q.k.operators, req.Pagination,
		func(_ uint32, op types.Operator) (types.Operator, error) { return op, nil })
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryOperatorsResponse{Operators: ops, Pagination: page}, nil
}

// OperatorParams implements Query/OperatorParams.
func (q queryServer) OperatorParams(ctx context.Context, req *types.QueryOperatorParamsRequest) (*types.QueryOperatorParamsResponse, error) {
	if req == nil || req.OperatorId == 0 {
		return nil, status.Error(codes.InvalidArgument, "operator id must be positive")
	}
	p, err := q.k.GetOperatorParams(ctx, req.OperatorId)
	if err != nil {
		return nil, err
	}
	return &types.QueryOperatorParamsResponse{OperatorParams: p}, nil
}

// Params implements Query/Params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}
