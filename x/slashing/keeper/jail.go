package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// IsJailed tells whether an operator is jailed in a service. A jail lasts
// until the operator's admin unjails it, even after the time is served, so
// an operator comes back only by asking to.
func (k *Keeper) IsJailed(ctx context.Context, operatorID, serviceID uint32) (bool, error) {
	return k.jails.Has(ctx, collections.Join(operatorID, serviceID))
}

// RefuseJailedOperator is the x/restaking guard on delegations to an
// operator: a jailed operator takes none until it has unjailed in every
// service that jailed it, and neither does one with a slash pending (a new
// delegator would pay for a fault it could see coming, and stake added just
// before execution would shift the pools' share of the loss).
func (k *Keeper) RefuseJailedOperator(ctx context.Context, operatorID uint32) error {
	if err := k.refusePending(ctx, k.slashes.Indexes.PendingByOperator, operatorID, "operator %d has slash %d pending"); err != nil {
		return err
	}
	rng := collections.NewPrefixedPairRange[uint32, uint32](operatorID)
	iter, err := k.jails.Iterate(ctx, rng)
	if err != nil {
		return err
	}
	defer iter.Close()
	if iter.Valid() {
		key, err := iter.Key()
		if err != nil {
			return err
		}
		return errorsmod.Wrapf(types.ErrOperatorJailed, "operator %d is jailed in service %d", operatorID, key.K2())
	}
	return nil
}

// jail keeps an operator out of a service until now + d (a longer jail
// already served stays).
func (k *Keeper) jail(ctx context.Context, operatorID, serviceID uint32, now time.Time, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	key := collections.Join(operatorID, serviceID)
	until := now.Add(d)
	if cur, err := k.jails.Get(ctx, key); err == nil && cur.After(until) {
		until = cur
	} else if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	if err := k.jails.Set(ctx, key, until); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOperatorJailed{
		OperatorId: operatorID, ServiceId: serviceID, Until: until,
	})
}

// unjail lets the operator back in once the jail time is served.
func (k *Keeper) unjail(ctx context.Context, operatorID, serviceID uint32) error {
	key := collections.Join(operatorID, serviceID)
	until, err := k.jails.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		return errorsmod.Wrapf(types.ErrNotJailed, "operator %d in service %d", operatorID, serviceID)
	}
	if err != nil {
		return err
	}
	now, err := k.restaking.Now(ctx)
	if err != nil {
		return err
	}
	if now.Before(until) {
		return errorsmod.Wrapf(types.ErrStillJailed, "operator %d is jailed in service %d until %s", operatorID, serviceID, until)
	}
	if err := k.jails.Remove(ctx, key); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventOperatorUnjailed{OperatorId: operatorID, ServiceId: serviceID})
}

// RefuseTrustWithdrawal is the x/restaking trust guard: while a slash
// against a service is pending, pool delegators can neither stop trusting
// it (the stake answering for the fault must still be there when it
// executes) nor start (they would pay for a fault that came before them).
func (k *Keeper) RefuseTrustWithdrawal(ctx context.Context, serviceID uint32) error {
	return k.refusePending(ctx, k.slashes.Indexes.PendingByService, serviceID,
		"service %d has slash %d pending: trust in it cannot change until it executes or is vetoed")
}
