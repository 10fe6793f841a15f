package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/prices/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the Query service implementation.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

// Price returns a ticker's aggregated price.
func (q queryServer) Price(ctx context.Context, req *types.QueryPriceRequest) (*types.QueryPriceResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := types.ValidateTicker(req.Ticker); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	price, err := q.k.GetPrice(ctx, req.Ticker)
	if errorsmod.IsOf(err, types.ErrPriceNotFound) {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryPriceResponse{Price: price}, nil
}

// USDValue values coins given as a string like "1000umilk,5uatom".
func (q queryServer) USDValue(ctx context.Context, req *types.QueryUSDValueRequest) (*types.QueryUSDValueResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	coins, err := sdk.ParseCoinsNormalized(req.Coins)
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, errorsmod.Wrap(types.ErrInvalidCoins, err.Error()).Error())
	}
	value, err := q.k.USDValue(ctx, coins)
	if err != nil {
		return nil, err
	}
	return &types.QueryUSDValueResponse{Value: value}, nil
}

// Params returns the params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}
