package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// This file holds who secures a service: operators that joined it, the
// service's operator allowlist, and the pools it borrows.

func idKey(a, b uint32) collections.Pair[uint32, uint32] { return collections.Join(a, b) }

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
	it, err := k.serviceAllowList.Iterate(ctx, collections.NewPrefixedPairRange[uint32, uint32](serviceID))
	if err != nil {
		return false, err
	}
	defer it.Close()
	return !it.Valid(), nil
}

func (k *Keeper) join(ctx context.Context, operatorID, serviceID uint32) error {
	if err := k.operatorJoinedServices.Set(ctx, idKey(operatorID, serviceID)); err != nil {
		return err
	}
	if err := k.serviceOperators.Set(ctx, idKey(serviceID, operatorID)); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventJoinService{OperatorId: operatorID, ServiceId: serviceID})
}

func (k *Keeper) leave(ctx context.Context, operatorID, serviceID uint32) error {
	if err := k.operatorJoinedServices.Remove(ctx, idKey(operatorID, serviceID)); err != nil {
		return err
	}
	if err := k.serviceOperators.Remove(ctx, idKey(serviceID, operatorID)); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventLeaveService{OperatorId: operatorID, ServiceId: serviceID})
}

func (k *Keeper) setAllowed(ctx context.Context, serviceID, operatorID uint32, allowed bool) error {
	var err error
	if allowed {
		if err = k.serviceAllowList.Set(ctx, idKey(serviceID, operatorID)); err == nil {
			err = k.operatorAllowedIn.Set(ctx, idKey(operatorID, serviceID))
		}
	} else {
		if err = k.serviceAllowList.Remove(ctx, idKey(serviceID, operatorID)); err == nil {
			err = k.operatorAllowedIn.Remove(ctx, idKey(operatorID, serviceID))
		}
	}
	if err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventAllowListChanged{ServiceId: serviceID, OperatorId: operatorID, Allowed: allowed})
}

// secondIDs lists the second ids of a key set under a first-id prefix.
func secondIDs(ctx context.Context, set collections.KeySet[collections.Pair[uint32, uint32]], first uint32) ([]uint32, error) {
	var ids []uint32
	err := set.Walk(ctx, collections.NewPrefixedPairRange[uint32, uint32](first), func(key collections.Pair[uint32, uint32]) (bool, error) {
		ids = append(ids, key.K2())
		return false, nil
	})
	return ids, err
}

// IsServiceSecuredByPool tells whether the service borrows the pool.
func (k *Keeper) IsServiceSecuredByPool(ctx context.Context, serviceID, poolID uint32) (bool, error) {
	return k.serviceSecuringPools.Has(ctx, idKey(serviceID, poolID))
}
