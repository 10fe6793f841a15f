package app

import (
	"context"

	"cosmossdk.io/store/rootmulti"
	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/grpc"
	gogogrpc "google.golang.org/grpc"
)

// pastBlockTimes is the query server the modules register their queries
// with: the app's GRPCQueryRouter, with a query at a past height given
// that height's block time, as BaseApp gives it.
//
// BaseApp reads a past height's block time from the store's commit info,
// but only when the store is a *rootmulti.Store (a type assertion in
// CreateQueryContext), which the app's lazystore.Root is not. Without
// this, such a query would see the latest block's time: a vesting
// account's spendable coins or an IBC client's expiry, asked about a past
// height, would be judged at the wrong time.
type pastBlockTimes struct {
	*baseapp.GRPCQueryRouter
	store *rootmulti.Store
}

var _ grpc.Server = pastBlockTimes{}

// RegisterService registers each method of sd so that it runs with the
// block time of the height its context is at.
func (q pastBlockTimes) RegisterService(sd *gogogrpc.ServiceDesc, ss interface{}) {
	desc := *sd
	desc.Methods = make([]gogogrpc.MethodDesc, len(sd.Methods))
	for i, method := range sd.Methods {
		desc.Methods[i] = gogogrpc.MethodDesc{MethodName: method.MethodName, Handler: q.timed(method.Handler)}
	}
	q.GRPCQueryRouter.RegisterService(&desc, ss)
}

// timed wraps a method's handler. BaseApp calls it two ways: for an ABCI
// query with the query's sdk.Context and no interceptor; from its gRPC
// server with an interceptor that makes the sdk.Context and then calls
// the handler we give it.
func (q pastBlockTimes) timed(handler func(interface{}, context.Context, func(interface{}) error, gogogrpc.UnaryServerInterceptor) (interface{}, error)) func(interface{}, context.Context, func(interface{}) error, gogogrpc.UnaryServerInterceptor) (interface{}, error) {
	return func(srv interface{}, ctx context.Context, dec func(interface{}) error, interceptor gogogrpc.UnaryServerInterceptor) (interface{}, error) {
		if interceptor == nil {
			return handler(srv, q.withBlockTime(ctx), dec, nil)
		}
		return handler(srv, ctx, dec, func(ctx context.Context, req interface{}, info *gogogrpc.UnaryServerInfo, next gogogrpc.UnaryHandler) (interface{}, error) {
			return interceptor(ctx, req, info, func(ctx context.Context, req interface{}) (interface{}, error) {
				return next(q.withBlockTime(ctx), req)
			})
		})
	}
}

// withBlockTime gives a query context at a past height that height's
// block time, when its commit info has one, as CreateQueryContext does
// for a *rootmulti.Store. Contexts at the latest height or later (queries
// of the current state, and a module querying another while a block
// executes) are left as they are.
func (q pastBlockTimes) withBlockTime(ctx context.Context) context.Context {
	sdkCtx, ok := ctx.(sdk.Context)
	if !ok {
		if v, found := ctx.Value(sdk.SdkContextKey).(sdk.Context); found {
			sdkCtx = v
		} else {
			return ctx
		}
	}
	height := sdkCtx.BlockHeight()
	if height <= 0 || height >= q.store.LatestVersion() {
		return ctx
	}
	info, err := q.store.GetCommitInfo(height)
	if err != nil || info == nil {
		return ctx
	}
	sdkCtx = sdkCtx.WithBlockTime(info.Timestamp)
	if ok {
		return sdkCtx
	}
	return context.WithValue(ctx, sdk.SdkContextKey, sdkCtx)
}
