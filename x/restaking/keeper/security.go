package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// This file holds who secures a service: operators that joined it, the
// service's operator allowlist, and the pools it borrows. Joins and
// allowlists are read from both sides; the store keeps the reverse side as
// an index of the set (x/restaking/README.md, State).

func idKey(a, b uint32) IDPair { return collections.Join(a, b) }

// IsOperatorJoined tells whether operator joined service.
func (k *Keeper) IsOperatorJoined(ctx context.Context, operatorID, serviceID uint32) (bool, error) {
	return k.operatorJoinedServices.Has(ctx, idKey(operatorID, serviceID))
}

// IsOperatorAllowed tells whether service's allowlist lets operator join:
// an empty list is open. It takes the ids in IsOperatorJoined's order.
func (k *Keeper) IsOperatorAllowed(ctx context.Context, operatorID, serviceID uint32) (bool, error) {
	open, err := k.isAllowListEmpty(ctx, serviceID)
	if err != nil || open {
		return open, err
	}
	return k.serviceAllowList.Has(ctx, idKey(serviceID, operatorID))
}

func (k *Keeper) isAllowListEmpty(ctx context.Context, serviceID uint32) (bool, error) {
	it, err := k.serviceAllowList.Iterate(ctx, idPrefix(serviceID))
	if err != nil {
		return false, err
	}
	defer it.Close()
	return !it.Valid(), nil
}

func (k *Keeper) join(ctx context.Context, operatorID, serviceID uint32) error {
	if err := k.operatorJoinedServices.Set(ctx, idKey(operatorID, serviceID), collections.NoValue{}); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventJoinService{OperatorId: operatorID, ServiceId: serviceID})
}

func (k *Keeper) leave(ctx context.Context, operatorID, serviceID uint32) error {
	if err := k.operatorJoinedServices.Remove(ctx, idKey(operatorID, serviceID)); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventLeaveService{OperatorId: operatorID, ServiceId: serviceID})
}

func (k *Keeper) setAllowed(ctx context.Context, serviceID, operatorID uint32, allowed bool) error {
	var err error
	if allowed {
		err = k.serviceAllowList.Set(ctx, idKey(serviceID, operatorID), collections.NoValue{})
	} else {
		err = k.serviceAllowList.Remove(ctx, idKey(serviceID, operatorID))
	}
	if err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventAllowListChanged{ServiceId: serviceID, OperatorId: operatorID, Allowed: allowed})
}

func idPrefix(first uint32) *collections.PairRange[uint32, uint32] {
	return collections.NewPrefixedPairRange[uint32, uint32](first)
}

// joinedServices lists the services an operator joined.
func (k *Keeper) joinedServices(ctx context.Context, operatorID uint32) ([]uint32, error) {
	return secondIDs(k.operatorJoinedServices.Iterate(ctx, idPrefix(operatorID)))
}

// joinedOperators lists the operators that joined a service (the index).
func (k *Keeper) joinedOperators(ctx context.Context, serviceID uint32) ([]uint32, error) {
	it, err := k.operatorJoinedServices.Indexes.Reverse.MatchExact(ctx, serviceID)
	return secondIDs(collections.Iterator[IDPair, collections.NoValue](it), err)
}

// allowedOperators lists a service's allowlist.
func (k *Keeper) allowedOperators(ctx context.Context, serviceID uint32) ([]uint32, error) {
	return secondIDs(k.serviceAllowList.Iterate(ctx, idPrefix(serviceID)))
}

// allowingServices lists the services whose allowlist names an operator
// (the index).
func (k *Keeper) allowingServices(ctx context.Context, operatorID uint32) ([]uint32, error) {
	it, err := k.serviceAllowList.Indexes.Reverse.MatchExact(ctx, operatorID)
	return secondIDs(collections.Iterator[IDPair, collections.NoValue](it), err)
}

// securingPools lists the pools a service borrows.
func (k *Keeper) securingPools(ctx context.Context, serviceID uint32) ([]uint32, error) {
	it, err := k.serviceSecuringPools.Iterate(ctx, idPrefix(serviceID))
	return secondIDs(collections.Iterator[IDPair, collections.NoValue](it), err)
}

// secondIDs lists the second ids of the keys an iterator over one first-id
// prefix yields, in key order, and closes it.
func secondIDs(it collections.Iterator[IDPair, collections.NoValue], err error) ([]uint32, error) {
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var ids []uint32
	for ; it.Valid(); it.Next() {
		key, err := it.Key()
		if err != nil {
			return nil, err
		}
		ids = append(ids, key.K2())
	}
	return ids, nil
}

// IsServiceSecuredByPool tells whether the service borrows the pool.
func (k *Keeper) IsServiceSecuredByPool(ctx context.Context, serviceID, poolID uint32) (bool, error) {
	return k.serviceSecuringPools.Has(ctx, idKey(serviceID, poolID))
}
