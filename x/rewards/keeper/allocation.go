package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// BeginBlocker allocates what every plan owes for the time since the last
// block, then ends the plans whose end time passed. Cost: per plan, the
// service's borrowed pools + joined operators + 1 targets, times their
// denoms; never the delegators.
func (k *Keeper) BeginBlocker(ctx context.Context) error {
	now, err := k.restaking.Now(ctx)
	if err != nil {
		return err
	}
	last, err := k.lastAllocation.Get(ctx)
	first := errors.Is(err, collections.ErrNotFound)
	if err != nil && !first {
		return err
	}
	if err := k.lastAllocation.Set(ctx, now); err != nil {
		return err
	}
	params, err := k.params.Get(ctx)
	if err != nil {
		return err
	}
	// The first block has nothing behind it; after a halt or a clock jump
	// a block pays for at most one step.
	if first {
		last = now
	}
	if from := now.Add(-params.MaxAllocationStep); last.Before(from) {
		last = from
	}
	// Collected first: running a plan may delete it.
	var plans []types.RewardsPlan
	if err := k.plans.Walk(ctx, nil, func(_ uint64, p types.RewardsPlan) (bool, error) {
		plans = append(plans, p)
		return false, nil
	}); err != nil {
		return err
	}
	v, err := k.newValuer(ctx)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	for _, plan := range plans {
		// Each plan runs in a branch: a plan that fails is logged and
		// skipped, it never halts the chain.
		branch, write := sdkCtx.CacheContext()
		if err := k.runPlan(branch, v, plan, last, now); err != nil {
			sdkCtx.Logger().Error("rewards plan skipped this block", "plan", plan.Id, "err", err)
			continue
		}
		write()
	}
	return nil
}

// runPlan allocates one plan's due and ends it if its time is over.
func (k *Keeper) runPlan(ctx context.Context, v *valuer, plan types.RewardsPlan, from, now time.Time) error {
	if err := k.allocatePlan(ctx, v, &plan, from, now); err != nil {
		return err
	}
	if !now.Before(plan.EndTime) {
		return k.endPlan(ctx, plan, false)
	}
	return k.plans.Set(ctx, plan.Id, plan)
}

// allocatePlan pays what the plan owes. Time only accrues while the
// service is active and someone can be paid, so a plan never owes for
// time nobody could earn; what it owes but cannot fund is carried.
func (k *Keeper) allocatePlan(ctx context.Context, v *valuer, plan *types.RewardsPlan, from, now time.Time) error {
	active := plan.ActiveTime(from, now)
	if active <= 0 {
		return nil
	}
	service, err := k.services.GetService(ctx, plan.ServiceId)
	if err != nil || service.Status != servicestypes.SERVICE_STATUS_ACTIVE {
		return err
	}
	if err := v.forService(ctx, plan.ServiceId); err != nil {
		return err
	}
	pools, operators, users, err := v.groups(ctx)
	if err != nil {
		return err
	}
	split := splitGroups(*plan, pools, operators, users)
	if len(split) == 0 {
		return nil
	}
	plan.Accrue(active)
	due := plan.Unpaid()
	slice := sdkmath.MinInt(due, plan.Remaining.Amount)
	if err := k.trackFunding(ctx, plan, due); err != nil {
		return err
	}
	if !slice.IsPositive() {
		return nil
	}
	denom := plan.AmountPerDay.Denom
	if err := k.bank.SendCoinsFromModuleToModule(ctx, types.EscrowAccount, types.ModuleName, sdk.NewCoins(sdk.NewCoin(denom, slice))); err != nil {
		return err
	}
	plan.Pay(slice)
	return k.distribute(ctx, denom, sdkmath.LegacyNewDecFromInt(slice), split)
}

// trackFunding flags a plan whose budget no longer covers what is due, and
// clears the flag once a top-up caught up, with an event each way.
func (k *Keeper) trackFunding(ctx context.Context, plan *types.RewardsPlan, due sdkmath.Int) error {
	short := due.GT(plan.Remaining.Amount)
	if short == plan.Underfunded {
		return nil
	}
	plan.Underfunded = short
	events := sdk.UnwrapSDKContext(ctx).EventManager()
	if short {
		owed := sdk.NewCoin(plan.AmountPerDay.Denom, due.Sub(plan.Remaining.Amount))
		return events.EmitTypedEvent(&types.EventRewardsPlanUnderfunded{PlanId: plan.Id, Owed: owed})
	}
	return events.EmitTypedEvent(&types.EventRewardsPlanFunded{PlanId: plan.Id})
}

// distribute books amount (already in the module account) to the targets:
// commission first for operators, then per denom by value into the
// buckets. Whatever truncation leaves unbooked is dust.
func (k *Keeper) distribute(ctx context.Context, denom string, amount sdkmath.LegacyDec, split []targetShare) error {
	booked := sdkmath.LegacyZeroDec()
	for _, ts := range split {
		part := amount.MulTruncate(ts.fraction)
		if ts.target.t == restakingtypes.DELEGATION_TYPE_OPERATOR {
			commission, err := k.bookCommission(ctx, ts.target.id, denom, part)
			if err != nil {
				return err
			}
			booked = booked.Add(commission)
			part = part.Sub(commission)
		}
		recorded, err := k.bookTarget(ctx, ts.target, denom, part)
		if err != nil {
			return err
		}
		booked = booked.Add(recorded)
	}
	return k.addDust(ctx, sdk.NewDecCoins(sdk.NewDecCoinFromDec(denom, amount.Sub(booked))))
}

func (k *Keeper) bookCommission(ctx context.Context, operatorID uint32, denom string, amount sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	params, err := k.operators.GetOperatorParams(ctx, operatorID)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	commission := amount.MulTruncate(params.CommissionRate)
	if !commission.IsPositive() {
		return sdkmath.LegacyZeroDec(), nil
	}
	current, err := getCoins(ctx, k.commission, operatorID)
	if err != nil {
		return sdkmath.LegacyDec{}, err
	}
	return commission, setCoins(ctx, k.commission, operatorID, current.Add(sdk.NewDecCoinFromDec(denom, commission)))
}

// bookTarget raises the target's bucket ratios by its per-denom parts and
// its outstanding rewards by what the delegators can claim.
func (k *Keeper) bookTarget(ctx context.Context, target eligibleTarget, denom string, amount sdkmath.LegacyDec) (sdkmath.LegacyDec, error) {
	recorded := sdkmath.LegacyZeroDec()
	for _, s := range target.stakes {
		part := amount.MulTruncate(s.value).QuoTruncate(target.value)
		delta := part.QuoTruncate(s.shares)
		if !delta.IsPositive() {
			continue
		}
		key := bucketKey(target.t, target.id, target.service, s.denom)
		ratio, err := getCoins(ctx, k.rewardsPerShare, key)
		if err != nil {
			return recorded, err
		}
		if err := setCoins(ctx, k.rewardsPerShare, key, ratio.Add(sdk.NewDecCoinFromDec(denom, delta))); err != nil {
			return recorded, err
		}
		// Rounded up: the delegators' truncated claims can never add up to
		// more than what is booked, and the booking never exceeds part.
		recorded = recorded.Add(s.shares.MulRoundUp(delta))
	}
	if recorded.IsZero() {
		return recorded, nil
	}
	out, err := getCoins(ctx, k.outstanding, targetKey(target.t, target.id))
	if err != nil {
		return recorded, err
	}
	return recorded, setCoins(ctx, k.outstanding, targetKey(target.t, target.id), out.Add(sdk.NewDecCoinFromDec(denom, recorded)))
}
