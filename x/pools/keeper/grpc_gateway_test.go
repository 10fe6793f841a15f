package keeper_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cosmos/gogoproto/jsonpb"
	"github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/pools/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/pools/types"
)

// boundQueryServer runs the query server on the test's store context
// whatever context the gateway passes in.
type boundQueryServer struct {
	types.QueryServer
	ctx context.Context
}

func (b boundQueryServer) PoolByID(_ context.Context, req *types.QueryPoolByIDRequest) (*types.QueryPoolResponse, error) {
	return b.QueryServer.PoolByID(b.ctx, req)
}

func (b boundQueryServer) PoolByDenom(_ context.Context, req *types.QueryPoolByDenomRequest) (*types.QueryPoolResponse, error) {
	return b.QueryServer.PoolByDenom(b.ctx, req)
}

func (b boundQueryServer) Pools(_ context.Context, req *types.QueryPoolsRequest) (*types.QueryPoolsResponse, error) {
	return b.QueryServer.Pools(b.ctx, req)
}

// TestRESTPoolByDenom checks that denoms with slashes (an IBC voucher, a
// token factory denom) reach PoolByDenom through the REST path unescaped,
// and that the by-id and list routes are not taken for them.
func TestRESTPoolByDenom(t *testing.T) {
	const (
		ibcDenom     = "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2"
		factoryDenom = "factory/milk1qyqszqgpqyqszqgpqyqszqgpqyqszqgp6wh7zl/ulrt"
	)
	k, ctx, _, _ := setup(t)
	var pools []types.Pool
	for _, denom := range []string{"umilktia", ibcDenom, factoryDenom} {
		p, err := k.GetOrCreatePool(ctx, denom)
		require.NoError(t, err)
		pools = append(pools, p)
	}
	mux := runtime.NewServeMux()
	require.NoError(t, types.RegisterQueryHandlerServer(context.Background(), mux, boundQueryServer{keeper.NewQueryServer(k), ctx}))
	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code, rec.Body.String()
	}

	for i, denom := range []string{"umilktia", ibcDenom, factoryDenom} {
		code, body := get("/milkyway/pools/v1/pools/denom/" + denom)
		require.Equal(t, http.StatusOK, code, "%s: %s", denom, body)
		var res types.QueryPoolResponse
		require.NoError(t, jsonpb.UnmarshalString(body, &res))
		require.Equal(t, pools[i], res.Pool, denom)
	}

	code, body := get("/milkyway/pools/v1/pools/2")
	require.Equal(t, http.StatusOK, code, body)
	var res types.QueryPoolResponse
	require.NoError(t, jsonpb.UnmarshalString(body, &res))
	require.Equal(t, pools[1], res.Pool)

	code, body = get("/milkyway/pools/v1/pools")
	require.Equal(t, http.StatusOK, code, body)
	var list types.QueryPoolsResponse
	require.NoError(t, jsonpb.UnmarshalString(body, &list))
	require.Equal(t, pools, list.Pools)

	code, _ = get("/milkyway/pools/v1/pools/denom/ibc/0000000000000000000000000000000000000000000000000000000000000000")
	require.Equal(t, http.StatusNotFound, code)
}
