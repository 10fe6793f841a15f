package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// InitGenesis loads the state.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := k.params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.nextPlanID.Set(ctx, gs.NextPlanId); err != nil {
		return err
	}
	for _, p := range gs.Plans {
		if err := k.plans.Set(ctx, p.Id, p); err != nil {
			return err
		}
	}
	if !gs.LastAllocation.IsZero() {
		if err := k.lastAllocation.Set(ctx, gs.LastAllocation); err != nil {
			return err
		}
	}
	for _, r := range gs.RewardsPerShare {
		b := r.Bucket
		if err := setCoins(ctx, k.rewardsPerShare, bucketKey(b.Type, b.TargetId, b.ServiceId, b.Denom), r.Ratio); err != nil {
			return err
		}
	}
	for _, s := range gs.Snapshots {
		b := s.Bucket
		key := snapshotKey(sdk.MustAccAddressFromBech32(s.Delegator), bucketKey(b.Type, b.TargetId, b.ServiceId, b.Denom))
		if err := setCoins(ctx, k.snapshots, key, s.Ratio); err != nil {
			return err
		}
	}
	for _, s := range gs.PoolServiceShares {
		if err := k.poolServiceShares.Set(ctx, collections.Join(s.PoolId, s.ServiceId), s.Shares); err != nil {
			return err
		}
	}
	for _, o := range gs.Outstanding {
		if err := setCoins(ctx, k.outstanding, targetKey(o.Type, o.TargetId), o.Amount); err != nil {
			return err
		}
	}
	for _, c := range gs.Commissions {
		if err := setCoins(ctx, k.commission, c.OperatorId, c.Amount); err != nil {
			return err
		}
	}
	if err := k.addDust(ctx, gs.Dust); err != nil {
		return err
	}
	for _, w := range gs.WithdrawAddresses {
		err := k.withdrawAddrs.Set(ctx, sdk.MustAccAddressFromBech32(w.User), sdk.MustAccAddressFromBech32(w.WithdrawAddress))
		if err != nil {
			return err
		}
	}
	for _, r := range gs.ClassEventRatios {
		key := collections.Join(collections.Join(r.ClassId, r.Event), collections.Join(r.ServiceId, r.Denom))
		if err := setCoins(ctx, k.classEventRatios, key, r.Ratio); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the state in key order.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Params, err = k.params.Get(ctx); err != nil {
		return nil, err
	}
	if gs.NextPlanId, err = k.nextPlanID.Peek(ctx); err != nil {
		return nil, err
	}
	last, err := k.lastAllocation.Get(ctx)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	gs.LastAllocation = last
	if gs.Dust, err = k.getDust(ctx); err != nil {
		return nil, err
	}
	err = errors.Join(
		k.plans.Walk(ctx, nil, func(_ uint64, p types.RewardsPlan) (bool, error) {
			gs.Plans = append(gs.Plans, p)
			return false, nil
		}),
		k.rewardsPerShare.Walk(ctx, nil, func(key BucketKey, r types.DecCoinsRecord) (bool, error) {
			gs.RewardsPerShare = append(gs.RewardsPerShare, types.BucketRatio{Bucket: bucketOf(key), Ratio: r.Coins})
			return false, nil
		}),
		k.snapshots.Walk(ctx, nil, func(key SnapshotKey, r types.DecCoinsRecord) (bool, error) {
			b := bucketOf(collections.Join(key.K1().K2(), key.K2()))
			gs.Snapshots = append(gs.Snapshots, types.DelegatorSnapshot{Delegator: key.K1().K1().String(), Bucket: b, Ratio: r.Coins})
			return false, nil
		}),
		k.poolServiceShares.Walk(ctx, nil, func(key collections.Pair[uint32, uint32], s sdkmath.LegacyDec) (bool, error) {
			gs.PoolServiceShares = append(gs.PoolServiceShares, types.PoolServiceShares{PoolId: key.K1(), ServiceId: key.K2(), Shares: s})
			return false, nil
		}),
		k.outstanding.Walk(ctx, nil, func(key TargetKey, r types.DecCoinsRecord) (bool, error) {
			gs.Outstanding = append(gs.Outstanding, types.TargetOutstanding{
				Type: restakingtypes.DelegationType(key.K1()), TargetId: key.K2(), Amount: r.Coins,
			})
			return false, nil
		}),
		k.commission.Walk(ctx, nil, func(id uint32, r types.DecCoinsRecord) (bool, error) {
			gs.Commissions = append(gs.Commissions, types.OperatorCommission{OperatorId: id, Amount: r.Coins})
			return false, nil
		}),
		k.withdrawAddrs.Walk(ctx, nil, func(user, to sdk.AccAddress) (bool, error) {
			gs.WithdrawAddresses = append(gs.WithdrawAddresses, types.WithdrawAddress{User: user.String(), WithdrawAddress: to.String()})
			return false, nil
		}),
		k.classEventRatios.Walk(ctx, nil, func(key ClassEventKey, r types.DecCoinsRecord) (bool, error) {
			gs.ClassEventRatios = append(gs.ClassEventRatios, types.ClassEventRatio{
				ClassId: key.K1().K1(), Event: key.K1().K2(), ServiceId: key.K2().K1(), Denom: key.K2().K2(), Ratio: r.Coins,
			})
			return false, nil
		}),
	)
	return gs, err
}

func bucketOf(key BucketKey) types.Bucket {
	return types.Bucket{
		Type: restakingtypes.DelegationType(key.K1().K1()), TargetId: key.K1().K2(),
		ServiceId: key.K2().K1(), Denom: key.K2().K2(),
	}
}
