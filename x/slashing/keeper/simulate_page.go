package keeper

import (
	"context"
	"encoding/binary"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// The what-if query pages over the positions a slash of the operator at
// the service can reach, by key, without walking the others
// (docs/adr/002, amendment 2). The positions come in sections, each walked
// in address order: the operator's delegators, the users unbonding from it
// (who no longer delegate), then for each pool the service borrows the
// members of each trust class of the pool that trusts the service, and the
// trusting users unbonding from the pool (who no longer delegate there).
// Non-trusting pool delegators are not exposed and are never read. A page
// key is the section's index and the last user read in it.

const (
	defaultLossPage = 100
	maxLossPage     = 1000
)

// exposure is one section of the walk.
type exposure struct {
	t          restakingtypes.DelegationType
	id         uint32
	unbondings bool
	class      uint64 // pool trust class, 0 for the by-target sections
}

// exposures lists the sections for the service and operator, in order.
func (k *Keeper) exposures(ctx context.Context, serviceID, operatorID uint32) ([]exposure, error) {
	op := restakingtypes.DELEGATION_TYPE_OPERATOR
	out := []exposure{{t: op, id: operatorID}, {t: op, id: operatorID, unbondings: true}}
	pools, err := k.restaking.ServiceSecuringPools(ctx, serviceID)
	if err != nil {
		return nil, err
	}
	for _, p := range pools {
		classes, err := k.restaking.PoolClassesTrusting(ctx, p, serviceID)
		if err != nil {
			return nil, err
		}
		for _, c := range classes {
			out = append(out, exposure{t: restakingtypes.DELEGATION_TYPE_POOL, id: p, class: c})
		}
		out = append(out, exposure{t: restakingtypes.DELEGATION_TYPE_POOL, id: p, unbondings: true})
	}
	return out, nil
}

// walk visits the section's users after `after`; an unbonding user who
// still delegates is visited in the delegation sections instead.
func (k *Keeper) walk(ctx context.Context, serviceID uint32, x exposure, after sdk.AccAddress, fn func(sdk.AccAddress) (bool, error)) error {
	if x.class != 0 {
		return k.restaking.WalkClassMembers(ctx, x.id, x.class, after, fn)
	}
	if !x.unbondings {
		return k.restaking.WalkTargetUsers(ctx, x.t, x.id, false, after, fn)
	}
	return k.restaking.WalkTargetUsers(ctx, x.t, x.id, true, after, func(user sdk.AccAddress) (bool, error) {
		if x.t == restakingtypes.DELEGATION_TYPE_POOL {
			prefs, err := k.restaking.GetUserPreferences(ctx, user)
			if err != nil || !prefs.TrustsService(serviceID, x.id) {
				return err != nil, err
			}
		}
		_, delegates, err := k.restaking.GetDelegation(ctx, x.t, x.id, user)
		if err != nil || delegates {
			return err != nil, err
		}
		return fn(user)
	})
}

// exposedPage returns up to limit positions from the page request's key
// (or after skipping offset positions), the next page's key (nil at the
// end) and, with count_total, the number of exposed positions from the
// page's start (all of them with offset paging). Only count_total and
// offset walk beyond the page.
func (k *Keeper) exposedPage(ctx context.Context, serviceID, operatorID uint32, req *query.PageRequest) ([]position, []byte, uint64, error) {
	sections, err := k.exposures(ctx, serviceID, operatorID)
	if err != nil {
		return nil, nil, 0, err
	}
	start, skip, limit, countTotal := 0, uint64(0), uint64(defaultLossPage), false
	var after sdk.AccAddress
	if req != nil {
		if len(req.Key) > 0 {
			if len(req.Key) < 5 || int(binary.BigEndian.Uint32(req.Key)) >= len(sections) {
				return nil, nil, 0, status.Error(codes.InvalidArgument, "invalid pagination key")
			}
			start, after = int(binary.BigEndian.Uint32(req.Key)), sdk.AccAddress(req.Key[4:])
		} else {
			skip = req.Offset
		}
		if req.Limit > 0 {
			limit = min(req.Limit, maxLossPage)
		}
		countTotal = req.CountTotal
	}
	var page []position
	var next []byte
	more, total := false, uint64(0)
	for i := start; i < len(sections) && (!more || countTotal); i++ {
		from := after
		if i != start {
			from = nil
		}
		x := sections[i]
		err := k.walk(ctx, serviceID, x, from, func(user sdk.AccAddress) (bool, error) {
			total++
			switch {
			case skip > 0:
				skip--
			case uint64(len(page)) < limit:
				page = append(page, position{user: user, t: x.t, id: x.id})
				next = append(binary.BigEndian.AppendUint32(nil, uint32(i)), user...)
			default:
				// One more position exists, so the page key stands; stop
				// unless the total is asked for.
				more = true
				return !countTotal, nil
			}
			return false, nil
		})
		if err != nil {
			return nil, nil, 0, err
		}
	}
	if !more {
		next = nil
	}
	if !countTotal {
		total = 0
	}
	return page, next, total, nil
}
