package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

type queryServer struct{ k *Keeper }

var _ types.QueryServer = queryServer{}

// NewQueryServer returns the Query service implementation.
func NewQueryServer(k *Keeper) types.QueryServer { return queryServer{k: k} }

func parseAddress(field, addr string) (sdk.AccAddress, error) {
	a, err := sdk.AccAddressFromBech32(addr)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "%s %q: %s", field, addr, err)
	}
	return a, nil
}

// Params returns the params.
func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// RewardsPlans pages plans, optionally of one service.
func (q queryServer) RewardsPlans(ctx context.Context, req *types.QueryRewardsPlansRequest) (*types.QueryRewardsPlansResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	plans, page, err := query.CollectionFilteredPaginate(ctx, q.k.plans, req.Pagination,
		func(_ uint64, p types.RewardsPlan) (bool, error) {
			return req.ServiceId == 0 || p.ServiceId == req.ServiceId, nil
		},
		func(_ uint64, p types.RewardsPlan) (types.RewardsPlan, error) { return p, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryRewardsPlansResponse{Plans: plans, Pagination: page}, nil
}

// RewardsPlan returns one plan.
func (q queryServer) RewardsPlan(ctx context.Context, req *types.QueryRewardsPlanRequest) (*types.QueryRewardsPlanResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	plan, err := q.k.getPlan(ctx, req.PlanId)
	if errorsmod.IsOf(err, types.ErrPlanNotFound) {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryRewardsPlanResponse{Plan: plan}, nil
}

// OutstandingRewards returns what a target's delegators can still withdraw.
func (q queryServer) OutstandingRewards(ctx context.Context, req *types.QueryOutstandingRewardsRequest) (*types.QueryDecCoinsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := types.ValidTargetType(req.Type, req.TargetId); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	coins, err := getCoins(ctx, q.k.outstanding, targetKey(req.Type, req.TargetId))
	return &types.QueryDecCoinsResponse{Coins: coins}, err
}

// OperatorCommission returns an operator's accumulated commission.
func (q queryServer) OperatorCommission(ctx context.Context, req *types.QueryOperatorCommissionRequest) (*types.QueryDecCoinsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	coins, err := getCoins(ctx, q.k.commission, req.OperatorId)
	return &types.QueryDecCoinsResponse{Coins: coins}, err
}

// PoolServiceTotalShares returns the pool shares trusting a service.
func (q queryServer) PoolServiceTotalShares(ctx context.Context, req *types.QueryPoolServiceTotalSharesRequest) (*types.QueryPoolServiceTotalSharesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	shares, err := q.k.poolShares(ctx, req.PoolId, req.ServiceId)
	return &types.QueryPoolServiceTotalSharesResponse{Shares: shares}, err
}

// DelegationRewards returns what one delegation can withdraw now.
func (q queryServer) DelegationRewards(ctx context.Context, req *types.QueryDelegationRewardsRequest) (*types.QueryDecCoinsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := types.ValidTargetType(req.Type, req.TargetId); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	user, err := parseAddress("delegator", req.Delegator)
	if err != nil {
		return nil, err
	}
	d, found, err := q.k.restaking.GetDelegation(ctx, req.Type, req.TargetId, user)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, status.Errorf(codes.NotFound, "no delegation of %s to %s %d", req.Delegator, req.Type, req.TargetId)
	}
	coins, err := q.k.DelegationRewards(ctx, user, d)
	return &types.QueryDecCoinsResponse{Coins: coins}, err
}

// DelegatorTotalRewards lists what each of a delegator's delegations can
// withdraw, and the total.
func (q queryServer) DelegatorTotalRewards(ctx context.Context, req *types.QueryDelegatorTotalRewardsRequest) (*types.QueryDelegatorTotalRewardsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	user, err := parseAddress("delegator", req.Delegator)
	if err != nil {
		return nil, err
	}
	resp := &types.QueryDelegatorTotalRewardsResponse{Total: sdk.DecCoins{}}
	err = q.k.restaking.IterateUserDelegations(ctx, user, func(d restakingtypes.Delegation) (bool, error) {
		coins, err := q.k.DelegationRewards(ctx, user, d)
		if err != nil {
			return true, err
		}
		resp.Rewards = append(resp.Rewards, types.DelegationReward{Type: d.Type, TargetId: d.TargetId, Rewards: coins})
		resp.Total = resp.Total.Add(coins...)
		return false, nil
	})
	return resp, err
}

// DelegatorWithdrawAddress returns where a delegator's rewards go.
func (q queryServer) DelegatorWithdrawAddress(ctx context.Context, req *types.QueryDelegatorWithdrawAddressRequest) (*types.QueryDelegatorWithdrawAddressResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	user, err := parseAddress("delegator", req.Delegator)
	if err != nil {
		return nil, err
	}
	to, err := q.k.withdrawAddress(ctx, user)
	if err != nil {
		return nil, err
	}
	return &types.QueryDelegatorWithdrawAddressResponse{WithdrawAddress: to.String()}, nil
}

// Dust returns the truncation remainders kept by the module.
func (q queryServer) Dust(ctx context.Context, _ *types.QueryDustRequest) (*types.QueryDecCoinsResponse, error) {
	coins, err := q.k.getDust(ctx)
	return &types.QueryDecCoinsResponse{Coins: coins}, err
}

// DelegationRewards is what a delegation can withdraw now, clamped to the
// target's outstanding rewards like the payout itself.
func (k *Keeper) DelegationRewards(ctx context.Context, user sdk.AccAddress, d restakingtypes.Delegation) (sdk.DecCoins, error) {
	prefs, err := k.restaking.GetUserPreferences(ctx, user)
	if err != nil {
		return nil, err
	}
	owed, _, err := k.owed(ctx, user, d, prefs)
	if err != nil {
		return nil, err
	}
	out, err := getCoins(ctx, k.outstanding, targetKey(d.Type, d.TargetId))
	if err != nil {
		return nil, err
	}
	return owed.Intersect(out), nil
}
