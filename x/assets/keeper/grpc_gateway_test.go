package keeper_test

import (
	"context"
	"net/http"
	"net/http/httptest"

	"github.com/cosmos/gogoproto/jsonpb"
	"github.com/grpc-ecosystem/grpc-gateway/runtime"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

// boundQueryServer runs the query server on the suite's store context
// whatever context the gateway passes in.
type boundQueryServer struct {
	types.QueryServer
	ctx context.Context
}

func (b boundQueryServer) Asset(_ context.Context, req *types.QueryAssetRequest) (*types.QueryAssetResponse, error) {
	return b.QueryServer.Asset(b.ctx, req)
}

func (b boundQueryServer) Assets(_ context.Context, req *types.QueryAssetsRequest) (*types.QueryAssetsResponse, error) {
	return b.QueryServer.Assets(b.ctx, req)
}

// TestRESTRoutes checks the REST paths, in particular that an IBC denom's
// slash reaches the Asset query and that the list route is not taken for it.
func (s *KeeperTestSuite) TestRESTRoutes() {
	s.withTraces(atomTrace)
	s.register(atom, ibcAtom, milk)
	mux := runtime.NewServeMux()
	s.Require().NoError(types.RegisterQueryHandlerServer(context.Background(), mux, boundQueryServer{s.queries, s.ctx}))

	get := func(path string) (int, string) {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		return rec.Code, rec.Body.String()
	}

	code, body := get("/milkyway/assets/v1/assets/" + ibcAtomDenom)
	s.Require().Equal(http.StatusOK, code, body)
	var one types.QueryAssetResponse
	s.Require().NoError(jsonpb.UnmarshalString(body, &one))
	s.Require().Equal(ibcAtom, one.Asset)
	s.Require().Equal(&ibcAtomTrace, one.IbcTrace, "the trace is next to the hash")
	s.Require().Contains(body, `"base_denom":"uatom"`)

	code, body = get("/milkyway/assets/v1/assets/uatom")
	s.Require().Equal(http.StatusOK, code, body)
	s.Require().NoError(jsonpb.UnmarshalString(body, &one))
	s.Require().Equal(atom, one.Asset)

	code, body = get("/milkyway/assets/v1/assets?ticker=ATOM")
	s.Require().Equal(http.StatusOK, code, body)
	var list types.QueryAssetsResponse
	s.Require().NoError(jsonpb.UnmarshalString(body, &list))
	s.Require().Equal([]types.Asset{ibcAtom, atom}, list.Assets)

	code, body = get("/milkyway/assets/v1/assets")
	s.Require().Equal(http.StatusOK, code, body)
	s.Require().NoError(jsonpb.UnmarshalString(body, &list))
	s.Require().Len(list.Assets, 3)

	code, _ = get("/milkyway/assets/v1/assets/utia")
	s.Require().Equal(http.StatusNotFound, code)
}
