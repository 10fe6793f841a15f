package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// BeginBlocker advances the restaking clock.
func (k *Keeper) BeginBlocker(ctx context.Context) error {
	return k.advanceClock(ctx)
}

// EndBlocker pays out matured unbondings. It visits only queue entries
// whose completion time has passed on the restaking clock, so its cost is
// proportional to what matures, not to the number of delegators.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	now, err := k.Now(ctx)
	if err != nil {
		return err
	}
	var matured []collections.Pair[time.Time, DelegationKey]
	rng := collections.NewPrefixUntilPairRange[time.Time, DelegationKey](now)
	err = k.unbondingQueue.Walk(ctx, rng, func(key collections.Pair[time.Time, DelegationKey]) (bool, error) {
		matured = append(matured, key)
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, qk := range matured {
		if err := k.unbondingQueue.Remove(ctx, qk); err != nil {
			return err
		}
		k.payMatured(ctx, qk.K2(), now)
	}
	return nil
}

// payMatured pays the entries of one unbonding delegation that completed by
// now. It runs in a branch of the state: if a payout fails (which would mean
// a broken invariant), the failure is logged, the entries stay for a later
// block and block processing goes on.
func (k *Keeper) payMatured(ctx context.Context, key DelegationKey, now time.Time) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	cacheCtx, write := sdkCtx.CacheContext()
	if err := k.completeUnbonding(cacheCtx, key, now); err != nil {
		sdkCtx.Logger().Error("unbonding payout failed; will retry", "delegator", key.K1().String(),
			"type", types.DelegationType(key.K2().K1()), "target", key.K2().K2(), "err", err)
		retry := collections.Join(now.Add(time.Nanosecond), key)
		_ = k.unbondingQueue.Set(ctx, retry)
		return
	}
	write()
}

func (k *Keeper) completeUnbonding(ctx context.Context, key DelegationKey, now time.Time) error {
	ubd, err := k.unbondings.Get(ctx, key)
	if err != nil {
		return err
	}
	t, id := types.DelegationType(key.K2().K1()), key.K2().K2()
	target, err := k.existingTarget(ctx, t, id)
	if err != nil {
		return err
	}
	paid := sdk.Coins{}
	remaining := ubd.Entries[:0]
	for _, e := range ubd.Entries {
		if e.CompletionTime.After(now) {
			remaining = append(remaining, e)
			continue
		}
		paid = paid.Add(e.Balance...)
	}
	if !paid.IsZero() {
		if err := k.bank.SendCoins(ctx, target.Address, key.K1(), paid); err != nil {
			return err
		}
	}
	if len(remaining) == 0 {
		if err := k.unbondings.Remove(ctx, key); err != nil {
			return err
		}
	} else {
		ubd.Entries = remaining
		if err := k.unbondings.Set(ctx, key, ubd); err != nil {
			return err
		}
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventCompleteUnbonding{
		Type: t, TargetId: id, Delegator: key.K1().String(), Amount: paid,
	})
}
