package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// Read-only views for x/rewards (and slashing): each is one Get or one
// prefix scan, never a walk over every delegator. Delegations are reported
// settled: pool shares with their trust class's later slashes applied
// (docs/adr/002, amendment 2); a delegation a slash burned whole is not
// reported. DelegationHistory gives the stored record for rewards.

// GetDelegation returns a user's delegation to a target, settled; found is
// false if there is none (or a slash burned it whole).
func (k *Keeper) GetDelegation(ctx context.Context, t types.DelegationType, id uint32, user sdk.AccAddress) (types.Delegation, bool, error) {
	d, err := k.delegations.Get(ctx, delegationKey(user, t, id))
	if errors.Is(err, collections.ErrNotFound) {
		return types.Delegation{}, false, nil
	}
	if err != nil {
		return d, false, err
	}
	if d, err = k.settled(ctx, d); err != nil || d.Shares.IsZero() {
		return types.Delegation{}, false, err
	}
	return d, true, nil
}

// DelegationHistory returns a delegation as stored and what it held after
// each class slash it has not settled yet: rewards split its earnings
// there. found is false if there is no stored delegation.
func (k *Keeper) DelegationHistory(ctx context.Context, t types.DelegationType, id uint32, user sdk.AccAddress) (types.Delegation, []types.ShareStep, bool, error) {
	d, err := k.delegations.Get(ctx, delegationKey(user, t, id))
	if errors.Is(err, collections.ErrNotFound) {
		return types.Delegation{}, nil, false, nil
	}
	if err != nil {
		return d, nil, false, err
	}
	steps, err := k.UnsettledShares(ctx, d)
	return d, steps, err == nil, err
}

// visitSettled calls fn with d settled, skipping delegations a slash
// burned whole.
func (k *Keeper) visitSettled(ctx context.Context, d types.Delegation, fn func(types.Delegation) (bool, error)) (bool, error) {
	d, err := k.settled(ctx, d)
	if err != nil || d.Shares.IsZero() {
		return err != nil, err
	}
	return fn(d)
}

// IterateUserDelegations visits a user's delegations (one prefix), settled.
func (k *Keeper) IterateUserDelegations(ctx context.Context, user sdk.AccAddress, fn func(types.Delegation) (stop bool, err error)) error {
	rng := collections.NewPrefixedPairRange[sdk.AccAddress, TargetKey](user)
	return k.delegations.Walk(ctx, rng, func(_ DelegationKey, d types.Delegation) (bool, error) { return k.visitSettled(ctx, d, fn) })
}

// IterateUserStoredDelegations visits a user's delegations as stored: pool
// shares as of their last settlement, including those a whole-class burn
// left at zero, which the settled views hide. x/rewards settles from them:
// what a delegation earned before its class's slashes is owed on the
// shares it held then.
func (k *Keeper) IterateUserStoredDelegations(ctx context.Context, user sdk.AccAddress, fn func(types.Delegation) (stop bool, err error)) error {
	rng := collections.NewPrefixedPairRange[sdk.AccAddress, TargetKey](user)
	return k.delegations.Walk(ctx, rng, func(_ DelegationKey, d types.Delegation) (bool, error) { return fn(d) })
}

// IterateTargetStakes visits a target's stake per denom (one prefix).
func (k *Keeper) IterateTargetStakes(ctx context.Context, t types.DelegationType, id uint32, fn func(denom string, stake types.DenomStake) (stop bool, err error)) error {
	rng := collections.NewSuperPrefixedTripleRange[int32, uint32, string](int32(t), id)
	return k.targetStakes.Walk(ctx, rng, func(key collections.Triple[int32, uint32, string], s types.DenomStake) (bool, error) {
		return fn(key.K3(), s)
	})
}

// GetTargetStake returns a target's stake in denom, zero if none.
func (k *Keeper) GetTargetStake(ctx context.Context, t types.DelegationType, id uint32, denom string) (types.DenomStake, error) {
	return k.getStake(ctx, t, id, denom)
}

// ServiceSecuringPools lists the pools a service borrows.
func (k *Keeper) ServiceSecuringPools(ctx context.Context, serviceID uint32) ([]uint32, error) {
	return k.securingPools(ctx, serviceID)
}

// ServiceJoinedOperators lists the operators that joined a service.
func (k *Keeper) ServiceJoinedOperators(ctx context.Context, serviceID uint32) ([]uint32, error) {
	return k.joinedOperators(ctx, serviceID)
}

// GetUserPreferences returns a user's trust preferences (empty: trusts no
// service).
func (k *Keeper) GetUserPreferences(ctx context.Context, user sdk.AccAddress) (types.UserPreferences, error) {
	p, err := k.userPreferences.Get(ctx, user)
	if errors.Is(err, collections.ErrNotFound) {
		return types.UserPreferences{}, nil
	}
	return p, err
}

// IterateAllDelegations visits every delegation, settled. It is for invariants and
// exports only: never call it on a per-block or per-Msg path.
func (k *Keeper) IterateAllDelegations(ctx context.Context, fn func(user sdk.AccAddress, d types.Delegation) (stop bool, err error)) error {
	return k.delegations.Walk(ctx, nil, func(key DelegationKey, d types.Delegation) (bool, error) {
		return k.visitSettled(ctx, d, func(d types.Delegation) (bool, error) { return fn(key.K1(), d) })
	})
}

// IterateTargetDelegations visits a target's delegations, settled, in user order
// (the by-target index; one Get per delegator). For queries and slashing.
func (k *Keeper) IterateTargetDelegations(ctx context.Context, t types.DelegationType, id uint32,
	fn func(user sdk.AccAddress, d types.Delegation) (stop bool, err error),
) error {
	return k.delegations.Indexes.ByTarget.Walk(ctx, targetPrefix(t, id), func(_ TargetKey, user sdk.AccAddress) (bool, error) {
		d, err := k.delegations.Get(ctx, delegationKey(user, t, id))
		if err != nil {
			return true, err
		}
		return k.visitSettled(ctx, d, func(d types.Delegation) (bool, error) { return fn(user, d) })
	})
}

// IterateTargetUnbondings visits the unbondings from a target in user
// order (the by-target index).
func (k *Keeper) IterateTargetUnbondings(ctx context.Context, t types.DelegationType, id uint32,
	fn func(user sdk.AccAddress, u types.UnbondingDelegation) (stop bool, err error),
) error {
	return k.unbondings.Indexes.ByTarget.Walk(ctx, targetPrefix(t, id), func(_ TargetKey, user sdk.AccAddress) (bool, error) {
		u, err := k.unbondings.Get(ctx, delegationKey(user, t, id))
		if err != nil {
			return true, err
		}
		return fn(user, u)
	})
}

// GetUnbondingDelegation returns a user's unbonding entries from a target.
func (k *Keeper) GetUnbondingDelegation(ctx context.Context, t types.DelegationType, id uint32, user sdk.AccAddress) (types.UnbondingDelegation, bool, error) {
	u, err := k.unbondings.Get(ctx, delegationKey(user, t, id))
	if errors.Is(err, collections.ErrNotFound) {
		return types.UnbondingDelegation{}, false, nil
	}
	return u, err == nil, err
}

// IterateTrustClasses visits every trust class. It is for invariants and
// exports only.
func (k *Keeper) IterateTrustClasses(ctx context.Context, fn func(types.TrustClass) (stop bool, err error)) error {
	return k.trustClasses.Walk(ctx, nil, func(_ uint64, c types.TrustClass) (bool, error) { return fn(c) })
}

// WalkTargetUsers visits, in address order after `after` (exclusive; nil:
// from the start), the users delegating to a target, or with unbondings
// true the users unbonding from it. One index entry per user: a page of
// them costs the page, not the target's size.
func (k *Keeper) WalkTargetUsers(ctx context.Context, t types.DelegationType, id uint32, unbondings bool, after sdk.AccAddress,
	fn func(user sdk.AccAddress) (stop bool, err error),
) error {
	rng := targetPrefix(t, id)
	if after != nil {
		rng = rng.StartExclusive(after)
	}
	walk := func(_ TargetKey, user sdk.AccAddress) (bool, error) { return fn(user) }
	if unbondings {
		return k.unbondings.Indexes.ByTarget.Walk(ctx, rng, walk)
	}
	return k.delegations.Indexes.ByTarget.Walk(ctx, rng, walk)
}

// PoolClassesTrusting lists the ids of the pool's trust classes whose set
// contains the service: the classes a slash at the service reaches.
func (k *Keeper) PoolClassesTrusting(ctx context.Context, poolID, serviceID uint32) ([]uint64, error) {
	var ids []uint64
	err := k.trustClasses.Indexes.ByService.Walk(ctx, collections.Join(poolID, serviceID), nil, func(id uint64) (bool, error) {
		ids = append(ids, id)
		return false, nil
	})
	return ids, err
}

// WalkClassMembers visits the owners of a pool trust class's delegations
// in address order after `after` (exclusive; nil: from the start).
func (k *Keeper) WalkClassMembers(ctx context.Context, poolID uint32, classID uint64, after sdk.AccAddress,
	fn func(user sdk.AccAddress) (stop bool, err error),
) error {
	var start *DelegationKey
	if after != nil {
		key := delegationKey(after, types.DELEGATION_TYPE_POOL, poolID)
		start = &key
	}
	return k.delegations.Indexes.ByClass.Walk(ctx, classID, start, func(key DelegationKey) (bool, error) { return fn(key.K1()) })
}
