package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// position is one delegator's stake at one target, bonded and unbonding.
type position struct {
	user sdk.AccAddress
	t    restakingtypes.DelegationType
	id   uint32
}

// SimulateSlash runs the slash's attribution in a branch of the state that
// is thrown away, and reports what every target would lose and what the
// page's delegators would (simulate_page.go: a page reads at most `limit`
// exposed positions and lists those that lose something, so a page may
// be short, or empty, and still have a next key).
func (q queryServer) SimulateSlash(ctx context.Context, req *types.QuerySimulateSlashRequest) (*types.QuerySimulateSlashResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	fraction, err := sdkmath.LegacyNewDecFromStr(req.Fraction)
	if err != nil || types.ValidateFraction(fraction) != nil {
		return nil, status.Errorf(codes.InvalidArgument, "fraction %q is not a decimal in (0, 1]", req.Fraction)
	}
	if _, err := q.k.services.GetService(ctx, req.ServiceId); err != nil {
		return nil, status.Errorf(codes.NotFound, "service %d", req.ServiceId)
	}
	if _, err := q.k.operators.GetOperator(ctx, req.OperatorId); err != nil {
		return nil, status.Errorf(codes.NotFound, "operator %d", req.OperatorId)
	}
	branch, _ := sdk.UnwrapSDKContext(ctx).CacheContext() // never written back
	positions, nextKey, total, err := q.k.exposedPage(branch, req.ServiceId, req.OperatorId, req.Pagination)
	if err != nil {
		return nil, err
	}
	before, err := q.k.positionValues(branch, positions)
	if err != nil {
		return nil, err
	}
	weight, err := q.k.operatorWeight(branch, req.ServiceId, req.OperatorId)
	if err != nil {
		return nil, err
	}
	results, err := q.k.attribute(branch, req.ServiceId, req.OperatorId, fraction, weight, req.InfractionHeight)
	if err != nil {
		return nil, status.Errorf(codes.FailedPrecondition, "cannot slash: %s", err)
	}
	after, err := q.k.positionValues(branch, positions)
	if err != nil {
		return nil, err
	}
	resp := &types.QuerySimulateSlashResponse{Total: sdk.Coins{}}
	for _, r := range results {
		resp.Targets = append(resp.Targets, types.TargetLoss{
			TargetType: int32(r.Type), TargetId: r.ID, Bonded: r.Bonded, Unbonding: r.Unbonding,
		})
		resp.Total = resp.Total.Add(r.Total()...)
	}
	losses := []types.DelegatorLoss{}
	for i, p := range positions {
		if loss, neg := before[i].SafeSub(after[i]...); !neg && !loss.IsZero() {
			losses = append(losses, types.DelegatorLoss{Delegator: p.user.String(), TargetType: int32(p.t), TargetId: p.id, Loss: loss})
		}
	}
	resp.Delegators, resp.Pagination = losses, &query.PageResponse{NextKey: nextKey, Total: total}
	return resp, nil
}

// positionValues is each position's worth: delegated tokens at the
// target's rates plus unbonding balances.
func (k *Keeper) positionValues(ctx context.Context, positions []position) ([]sdk.Coins, error) {
	out := make([]sdk.Coins, len(positions))
	for i, p := range positions {
		out[i] = sdk.Coins{}
		del, found, err := k.restaking.GetDelegation(ctx, p.t, p.id, p.user)
		if err != nil {
			return nil, err
		}
		if found {
			for _, s := range del.Shares {
				stake, err := k.restaking.GetTargetStake(ctx, p.t, p.id, s.Denom)
				if err != nil {
					return nil, err
				}
				out[i] = out[i].Add(sdk.NewCoin(s.Denom, stake.TokensFor(s.Amount)))
			}
		}
		ubd, found, err := k.restaking.GetUnbondingDelegation(ctx, p.t, p.id, p.user)
		if err != nil {
			return nil, err
		}
		if found {
			for _, e := range ubd.Entries {
				out[i] = out[i].Add(e.Balance...)
			}
		}
	}
	return out, nil
}
