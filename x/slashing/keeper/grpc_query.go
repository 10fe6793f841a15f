package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the Query service implementation.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

// Params returns the params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.params.Get(ctx)
	return &types.QueryParamsResponse{Params: p}, err
}

// ServiceConfig returns a service's slasher and rules.
func (q queryServer) ServiceConfig(ctx context.Context, req *types.QueryServiceConfigRequest) (*types.QueryServiceConfigResponse, error) {
	if req == nil || req.ServiceId == 0 {
		return nil, status.Error(codes.InvalidArgument, "a service id is needed")
	}
	svc, err := q.k.services.GetService(ctx, req.ServiceId)
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "service %d: %s", req.ServiceId, err)
	}
	c, err := q.k.GetConfig(ctx, req.ServiceId)
	if err != nil {
		return nil, err
	}
	if c.Slasher == "" {
		c.Slasher = svc.Admin
	}
	return &types.QueryServiceConfigResponse{Config: c}, nil
}

// OperatorKey returns an operator's task key for a service.
func (q queryServer) OperatorKey(ctx context.Context, req *types.QueryOperatorKeyRequest) (*types.QueryOperatorKeyResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	key, err := q.k.GetOperatorKey(ctx, req.OperatorId, req.ServiceId)
	if errors.Is(err, types.ErrKeyNotFound) {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	return &types.QueryOperatorKeyResponse{Key: key}, err
}

// Slash returns one slash.
func (q queryServer) Slash(ctx context.Context, req *types.QuerySlashRequest) (*types.QuerySlashResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	s, err := q.k.slashes.Get(ctx, req.SlashId)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "slash %d", req.SlashId)
	}
	return &types.QuerySlashResponse{Slash: s}, err
}

// PendingSlashes pages the pending queue, soonest first.
func (q queryServer) PendingSlashes(ctx context.Context, req *types.QueryPendingSlashesRequest) (*types.QueryPendingSlashesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	var slashes []types.Slash
	_, page, err := query.CollectionFilteredPaginate(ctx, q.k.pending, req.Pagination,
		func(key PendingKey, _ collections.NoValue) (bool, error) {
			s, err := q.k.slashes.Get(ctx, key.K2())
			if err != nil || (req.OperatorId != 0 && s.OperatorId != req.OperatorId) {
				return false, err
			}
			slashes = append(slashes, s)
			return true, nil
		},
		func(PendingKey, collections.NoValue) (struct{}, error) { return struct{}{}, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryPendingSlashesResponse{Slashes: slashes, Pagination: page}, nil
}

// Slashes pages every slash by id.
func (q queryServer) Slashes(ctx context.Context, req *types.QuerySlashesRequest) (*types.QuerySlashesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	slashes, page, err := query.CollectionPaginate(ctx, q.k.slashes, req.Pagination,
		func(_ uint64, s types.Slash) (types.Slash, error) { return s, nil })
	if err != nil {
		return nil, err
	}
	return &types.QuerySlashesResponse{Slashes: slashes, Pagination: page}, nil
}

// Jails lists jails, of one service or all.
func (q queryServer) Jails(ctx context.Context, req *types.QueryJailsRequest) (*types.QueryJailsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	jails, err := q.k.allJails(ctx)
	if err != nil {
		return nil, err
	}
	out := jails[:0]
	for _, j := range jails {
		if req.ServiceId == 0 || j.ServiceId == req.ServiceId {
			out = append(out, j)
		}
	}
	return &types.QueryJailsResponse{Jails: out}, nil
}

// Sequencing names the sequencer's service and operator.
func (q queryServer) Sequencing(ctx context.Context, _ *types.QuerySequencingRequest) (*types.QuerySequencingResponse, error) {
	s, err := q.k.sequencing.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return &types.QuerySequencingResponse{}, nil
	}
	return &types.QuerySequencingResponse{Sequencing: s}, err
}

func (k *Keeper) allJails(ctx context.Context) ([]types.Jail, error) {
	var jails []types.Jail
	err := k.jails.Walk(ctx, nil, func(key OperatorServiceKey, until time.Time) (bool, error) {
		jails = append(jails, types.Jail{OperatorId: key.K1(), ServiceId: key.K2(), Until: until})
		return false, nil
	})
	return jails, err
}

// Dust returns the truncation remainders of pool slashes.
func (q queryServer) Dust(ctx context.Context, _ *types.QueryDustRequest) (*types.QueryDustResponse, error) {
	d, err := q.k.GetDust(ctx)
	return &types.QueryDustResponse{Dust: d}, err
}
