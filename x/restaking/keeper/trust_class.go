package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// Trust classes (docs/adr/002, amendment 2): a pool delegation stores its
// shares as of its last settlement and the class event it settled at; its
// effective shares apply the class's later slashes. Nothing here walks a
// pool's delegators.

// classSetKey is (pool, trusted-set key).
type classSetKey = collections.Pair[uint32, string]

// classIndexes find a class by its (pool, trusted set) and the classes of a
// pool that trust a service. A class's pool and set never change, so the
// indexes are written once, when the class is created.
type classIndexes struct {
	BySet     *refIndex[classSetKey, uint64, types.TrustClass]
	ByService *refIndex[IDPair, uint64, types.TrustClass]
}

// IndexesList implements collections.Indexes.
func (i classIndexes) IndexesList() []collections.Index[uint64, types.TrustClass] {
	return []collections.Index[uint64, types.TrustClass]{i.BySet, i.ByService}
}

func newClassIndexes(sb *collections.SchemaBuilder) classIndexes {
	return classIndexes{
		BySet: newRefIndex(sb, types.TrustClassBySetKey, "trust_class_by_set",
			collections.PairKeyCodec(collections.Uint32Key, collections.StringKey), collections.Uint64Key,
			func(_ uint64, c types.TrustClass) []classSetKey {
				return []classSetKey{collections.Join(c.PoolId, types.TrustSetKey(c.ServiceIds))}
			}),
		ByService: newRefIndex(sb, types.TrustClassByServiceKey, "trust_class_by_service", idPair, collections.Uint64Key,
			func(_ uint64, c types.TrustClass) []IDPair {
				out := make([]IDPair, len(c.ServiceIds))
				for i, s := range c.ServiceIds {
					out[i] = collections.Join(c.PoolId, s)
				}
				return out
			}),
	}
}

// classFor returns the class of the user's stake in the pool under prefs,
// creating it on first use; 0 when the user trusts no service with it.
func (k *Keeper) classFor(ctx context.Context, prefs types.UserPreferences, poolID uint32) (types.TrustClass, error) {
	set := types.TrustedSet(prefs, poolID)
	if len(set) == 0 {
		return types.TrustClass{}, nil
	}
	found, err := k.findClass(ctx, set, poolID)
	if err != nil {
		return types.TrustClass{}, err
	}
	if found != 0 {
		return k.trustClasses.Get(ctx, found)
	}
	id, err := k.nextTrustClassID.Next(ctx)
	if err != nil {
		return types.TrustClass{}, err
	}
	if id == 0 { // ids start at 1: 0 means "no class" on a delegation
		if id, err = k.nextTrustClassID.Next(ctx); err != nil {
			return types.TrustClass{}, err
		}
	}
	c := types.TrustClass{Id: id, PoolId: poolID, ServiceIds: set, Shares: sdk.DecCoins{}, Factor: sdkmath.LegacyOneDec()}
	return c, k.trustClasses.Set(ctx, id, c)
}

// findClass returns the id of the pool's class for a trusted set, 0 if
// there is none (or the set is empty). It never writes.
func (k *Keeper) findClass(ctx context.Context, set []uint32, poolID uint32) (uint64, error) {
	var found uint64
	if len(set) == 0 {
		return 0, nil
	}
	err := k.trustClasses.Indexes.BySet.Walk(ctx, collections.Join(poolID, types.TrustSetKey(set)), nil, func(id uint64) (bool, error) {
		found = id
		return true, nil
	})
	return found, err
}

// factorAt is the class factor a member settled at event e held against:
// 1 at the start and right after a whole-class burn (the factor restarts).
func (k *Keeper) factorAt(ctx context.Context, classID, e uint64) (sdkmath.LegacyDec, error) {
	if e == 0 {
		return sdkmath.LegacyOneDec(), nil
	}
	f, err := k.classEvents.Get(ctx, collections.Join(classID, e))
	if err != nil || f.IsPositive() {
		return f, err
	}
	return sdkmath.LegacyOneDec(), nil
}

// settled is d with its class's later slashes applied: its effective
// shares, and class_event at the class's last event. Nothing is written.
func (k *Keeper) settled(ctx context.Context, d types.Delegation) (types.Delegation, error) {
	if d.TrustClass == 0 {
		return d, nil
	}
	c, err := k.trustClasses.Get(ctx, d.TrustClass)
	if err != nil || d.ClassEvent == c.Events {
		return d, err
	}
	if d.ClassEvent < c.ZeroedAt {
		d.Shares = sdk.DecCoins{}
	} else {
		then, err := k.factorAt(ctx, c.Id, d.ClassEvent)
		if err != nil {
			return d, err
		}
		d.Shares = types.SettleShares(d.Shares, c.Factor, then)
	}
	d.ClassEvent = c.Events
	return d, nil
}

// UnsettledShares lists what a stored delegation holds after each of its
// class's events since it last settled, in order (empty when none): the
// points where x/rewards splits its earnings. d must be as stored.
func (k *Keeper) UnsettledShares(ctx context.Context, d types.Delegation) ([]types.ShareStep, error) {
	if d.TrustClass == 0 {
		return nil, nil
	}
	c, err := k.trustClasses.Get(ctx, d.TrustClass)
	if err != nil || d.ClassEvent == c.Events {
		return nil, err
	}
	then, err := k.factorAt(ctx, c.Id, d.ClassEvent)
	if err != nil {
		return nil, err
	}
	steps := make([]types.ShareStep, 0, c.Events-d.ClassEvent)
	zeroed := false
	for e := d.ClassEvent + 1; e <= c.Events; e++ {
		f, err := k.classEvents.Get(ctx, collections.Join(c.Id, e))
		if err != nil {
			return nil, err
		}
		zeroed = zeroed || !f.IsPositive()
		shares := sdk.DecCoins{}
		if !zeroed {
			shares = types.SettleShares(d.Shares, f, then)
		}
		steps = append(steps, types.ShareStep{Event: e, Shares: shares})
	}
	return steps, nil
}

// addClassShares moves a class's aggregate by a member's change (delta
// added, or subtracted with sub). Class-less delegations have none.
func (k *Keeper) addClassShares(ctx context.Context, classID uint64, delta sdk.DecCoins, sub bool) error {
	if classID == 0 || delta.IsZero() {
		return nil
	}
	c, err := k.trustClasses.Get(ctx, classID)
	if err != nil {
		return err
	}
	if sub {
		// The aggregate is at least the members' sum (ADR proof); a
		// shortfall would be a bug, and SafeSub refuses to hide it.
		left, neg := c.Shares.SafeSub(delta)
		if neg {
			return errorsmod.Wrapf(types.ErrInvalidTrustClass, "class %d holds %s, a member takes %s", classID, c.Shares, delta)
		}
		c.Shares = left
	} else {
		c.Shares = c.Shares.Add(delta...)
	}
	return k.trustClasses.Set(ctx, classID, c)
}

// classesTrusting lists the pool's classes whose set contains the service.
func (k *Keeper) classesTrusting(ctx context.Context, poolID, serviceID uint32) ([]types.TrustClass, error) {
	var out []types.TrustClass
	err := k.trustClasses.Indexes.ByService.Walk(ctx, collections.Join(poolID, serviceID), nil, func(id uint64) (bool, error) {
		c, err := k.trustClasses.Get(ctx, id)
		out = append(out, c)
		return false, err
	})
	return out, err
}

// reclassUser settles each of the user's pool delegations and moves it to
// the trust class of its new preferences. It walks only the user's own
// delegations (bounded by the number of pools).
func (k *Keeper) reclassUser(ctx context.Context, user sdk.AccAddress, prefs types.UserPreferences) error {
	var dels []types.Delegation // collected first: no writes while iterating
	rng := collections.NewPrefixedPairRange[sdk.AccAddress, TargetKey](user)
	err := k.delegations.Walk(ctx, rng, func(_ DelegationKey, d types.Delegation) (bool, error) {
		if d.Type == types.DELEGATION_TYPE_POOL {
			dels = append(dels, d)
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, stored := range dels {
		c, err := k.classFor(ctx, prefs, stored.TargetId)
		if err != nil {
			return err
		}
		if c.Id == stored.TrustClass {
			continue
		}
		d, err := k.settled(ctx, stored)
		if err != nil {
			return err
		}
		if err := k.addClassShares(ctx, d.TrustClass, d.Shares, true); err != nil {
			return err
		}
		if d.Shares.IsZero() { // burned whole: nothing to move
			if err := k.removeDelegation(ctx, user, d); err != nil {
				return err
			}
			continue
		}
		d.TrustClass, d.ClassEvent = c.Id, c.Events
		if err := k.addClassShares(ctx, c.Id, d.Shares, false); err != nil {
			return err
		}
		if err := k.setDelegation(ctx, user, d); err != nil {
			return err
		}
	}
	return nil
}
