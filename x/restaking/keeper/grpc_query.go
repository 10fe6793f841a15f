package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the Query service implementation.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

func parseUser(addr string) (sdk.AccAddress, error) {
	user, err := sdk.AccAddressFromBech32(addr)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "delegator %q: %s", addr, err)
	}
	return user, nil
}

// withTokens values a delegation's shares at the target's current rates,
// settled first: pool shares the delegation's trust class lost to later
// slashes are not reported (docs/adr/002, amendment 2).
func (k *Keeper) withTokens(ctx context.Context, d types.Delegation) (types.DelegationWithTokens, error) {
	d, err := k.settled(ctx, d)
	if err != nil {
		return types.DelegationWithTokens{}, err
	}
	balance := sdk.Coins{}
	for _, s := range d.Shares {
		stake, err := k.getStake(ctx, d.Type, d.TargetId, s.Denom)
		if err != nil {
			return types.DelegationWithTokens{}, err
		}
		balance = balance.Add(sdk.NewCoin(s.Denom, stake.TokensFor(s.Amount)))
	}
	return types.DelegationWithTokens{Delegation: d, Balance: balance}, nil
}

// Delegation returns one delegation with its value.
func (q queryServer) Delegation(ctx context.Context, req *types.QueryDelegationRequest) (*types.QueryDelegationResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	user, err := parseUser(req.Delegator)
	if err != nil {
		return nil, err
	}
	d, err := q.k.delegations.Get(ctx, delegationKey(user, req.Type, req.TargetId))
	if errors.Is(err, collections.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "no delegation of %s to %s %d", req.Delegator, req.Type, req.TargetId)
	}
	if err != nil {
		return nil, err
	}
	dt, err := q.k.withTokens(ctx, d)
	if err != nil {
		return nil, err
	}
	return &types.QueryDelegationResponse{Delegation: dt}, nil
}

// TargetDelegations pages through a target's delegations via the target index.
func (q queryServer) TargetDelegations(ctx context.Context, req *types.QueryTargetDelegationsRequest) (*types.QueryDelegationsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := req.Type.Validate(); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	keys, page, err := query.CollectionPaginate(ctx, q.k.delegations.Indexes.ByTarget, req.Pagination,
		func(key TargetUserKey, _ collections.NoValue) (DelegationKey, error) {
			return collections.Join(key.K2(), key.K1()), nil
		}, query.WithCollectionPaginationPairPrefix[TargetKey, sdk.AccAddress](targetKey(req.Type, req.TargetId)))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	out := make([]types.DelegationWithTokens, 0, len(keys))
	for _, key := range keys {
		d, err := q.k.delegations.Get(ctx, key)
		if err != nil {
			return nil, err
		}
		dt, err := q.k.withTokens(ctx, d)
		if err != nil {
			return nil, err
		}
		out = append(out, dt)
	}
	return &types.QueryDelegationsResponse{Delegations: out, Pagination: page}, nil
}

// DelegatorDelegations pages through a user's delegations (one prefix).
func (q queryServer) DelegatorDelegations(ctx context.Context, req *types.QueryDelegatorDelegationsRequest) (*types.QueryDelegationsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	user, err := parseUser(req.Delegator)
	if err != nil {
		return nil, err
	}
	out, page, err := query.CollectionFilteredPaginate(ctx, q.k.delegations, req.Pagination,
		func(_ DelegationKey, d types.Delegation) (bool, error) {
			return req.Type == types.DELEGATION_TYPE_UNSPECIFIED || d.Type == req.Type, nil
		},
		func(_ DelegationKey, d types.Delegation) (types.DelegationWithTokens, error) {
			return q.k.withTokens(ctx, d)
		},
		query.WithCollectionPaginationPairPrefix[sdk.AccAddress, TargetKey](user))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryDelegationsResponse{Delegations: out, Pagination: page}, nil
}

// UnbondingDelegation returns one unbonding delegation.
func (q queryServer) UnbondingDelegation(ctx context.Context, req *types.QueryUnbondingDelegationRequest) (*types.QueryUnbondingDelegationResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	user, err := parseUser(req.Delegator)
	if err != nil {
		return nil, err
	}
	u, err := q.k.unbondings.Get(ctx, delegationKey(user, req.Type, req.TargetId))
	if errors.Is(err, collections.ErrNotFound) {
		return nil, status.Errorf(codes.NotFound, "no unbonding of %s from %s %d", req.Delegator, req.Type, req.TargetId)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryUnbondingDelegationResponse{UnbondingDelegation: u}, nil
}

// DelegatorUnbondingDelegations pages through a user's unbondings.
func (q queryServer) DelegatorUnbondingDelegations(ctx context.Context, req *types.QueryDelegatorUnbondingDelegationsRequest) (*types.QueryUnbondingDelegationsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	user, err := parseUser(req.Delegator)
	if err != nil {
		return nil, err
	}
	out, page, err := query.CollectionFilteredPaginate(ctx, q.k.unbondings, req.Pagination,
		func(_ DelegationKey, u types.UnbondingDelegation) (bool, error) {
			return req.Type == types.DELEGATION_TYPE_UNSPECIFIED || u.Type == req.Type, nil
		},
		func(_ DelegationKey, u types.UnbondingDelegation) (types.UnbondingDelegation, error) { return u, nil },
		query.WithCollectionPaginationPairPrefix[sdk.AccAddress, TargetKey](user))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &types.QueryUnbondingDelegationsResponse{UnbondingDelegations: out, Pagination: page}, nil
}

// TargetUnbondingDelegations pages through the unbondings from one target
// via the target index.
func (q queryServer) TargetUnbondingDelegations(ctx context.Context, req *types.QueryTargetDelegationsRequest) (*types.QueryUnbondingDelegationsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := req.Type.Validate(); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	keys, page, err := query.CollectionPaginate(ctx, q.k.unbondings.Indexes.ByTarget, req.Pagination,
		func(key TargetUserKey, _ collections.NoValue) (DelegationKey, error) {
			return collections.Join(key.K2(), key.K1()), nil
		}, query.WithCollectionPaginationPairPrefix[TargetKey, sdk.AccAddress](targetKey(req.Type, req.TargetId)))
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	out := make([]types.UnbondingDelegation, 0, len(keys))
	for _, key := range keys {
		u, err := q.k.unbondings.Get(ctx, key)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return &types.QueryUnbondingDelegationsResponse{UnbondingDelegations: out, Pagination: page}, nil
}

// TargetStake lists a target's stake per denom.
func (q queryServer) TargetStake(ctx context.Context, req *types.QueryTargetStakeRequest) (*types.QueryTargetStakeResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	rng := collections.NewSuperPrefixedTripleRange[int32, uint32, string](int32(req.Type), req.TargetId)
	res := &types.QueryTargetStakeResponse{}
	err := q.k.targetStakes.Walk(ctx, rng, func(key collections.Triple[int32, uint32, string], s types.DenomStake) (bool, error) {
		res.Stakes = append(res.Stakes, types.TargetDenomStakeView{Denom: key.K3(), Stake: s})
		return false, nil
	})
	return res, err
}

// Params returns the params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}
