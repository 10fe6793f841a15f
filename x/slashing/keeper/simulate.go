package keeper

import (
	"context"
	"encoding/binary"
	"fmt"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

const (
	defaultLossPage = 100
	maxLossPage     = 1000
)

// position is one delegator's stake at one target, bonded and unbonding.
type position struct {
	user sdk.AccAddress
	t    restakingtypes.DelegationType
	id   uint32
}

// SimulateSlash runs the slash's attribution in a branch of the state that
// is thrown away, and reports what every target and delegator would lose.
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
	positions, err := q.k.exposedPositions(branch, req.ServiceId, req.OperatorId)
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
	var losses []types.DelegatorLoss
	for i, p := range positions {
		if loss, neg := before[i].SafeSub(after[i]...); !neg && !loss.IsZero() {
			losses = append(losses, types.DelegatorLoss{Delegator: p.user.String(), TargetType: int32(p.t), TargetId: p.id, Loss: loss})
		}
	}
	resp.Delegators, resp.Pagination = pageLosses(losses, req.Pagination)
	return resp, nil
}

// exposedPositions lists the delegations and unbondings a slash of the
// operator at the service can reach: the operator's, and those of every
// pool the service borrows (non-trusting ones come out with no loss).
func (k *Keeper) exposedPositions(ctx context.Context, serviceID, operatorID uint32) ([]position, error) {
	targets := []position{{t: restakingtypes.DELEGATION_TYPE_OPERATOR, id: operatorID}}
	pools, err := k.restaking.ServiceSecuringPools(ctx, serviceID)
	if err != nil {
		return nil, err
	}
	for _, p := range pools {
		targets = append(targets, position{t: restakingtypes.DELEGATION_TYPE_POOL, id: p})
	}
	var out []position
	seen := map[string]bool{}
	add := func(p position) {
		key := fmt.Sprintf("%s/%d/%d", p.user, p.t, p.id)
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	for _, t := range targets {
		err := k.restaking.IterateTargetDelegations(ctx, t.t, t.id, func(user sdk.AccAddress, _ restakingtypes.Delegation) (bool, error) {
			add(position{user: user, t: t.t, id: t.id})
			return false, nil
		})
		if err != nil {
			return nil, err
		}
		err = k.restaking.IterateTargetUnbondings(ctx, t.t, t.id, func(user sdk.AccAddress, _ restakingtypes.UnbondingDelegation) (bool, error) {
			add(position{user: user, t: t.t, id: t.id})
			return false, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
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

// pageLosses pages by offset; next_key carries the next offset.
func pageLosses(all []types.DelegatorLoss, req *query.PageRequest) ([]types.DelegatorLoss, *query.PageResponse) {
	offset, limit := uint64(0), uint64(defaultLossPage)
	if req != nil {
		offset = req.Offset
		if len(req.Key) == 8 {
			offset = binary.BigEndian.Uint64(req.Key)
		}
		if req.Limit > 0 {
			limit = min(req.Limit, maxLossPage)
		}
	}
	resp := &query.PageResponse{Total: uint64(len(all))}
	if offset >= uint64(len(all)) {
		return nil, resp
	}
	end := min(offset+limit, uint64(len(all)))
	if end < uint64(len(all)) {
		resp.NextKey = binary.BigEndian.AppendUint64(nil, end)
	}
	return all[offset:end], resp
}
