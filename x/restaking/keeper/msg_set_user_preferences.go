package keeper

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// SetUserPreferences replaces which services may use the user's pool stake.
// Every listed service and pool must exist. An empty list trusts nobody.
func (ms msgServer) SetUserPreferences(ctx context.Context, msg *types.MsgSetUserPreferences) (*types.MsgSetUserPreferencesResponse, error) {
	user, err := sdk.AccAddressFromBech32(msg.User)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	if err := msg.Preferences.Validate(); err != nil {
		return nil, err
	}
	for _, entry := range msg.Preferences.TrustedServices {
		if _, err := ms.services.GetService(ctx, entry.ServiceId); err != nil {
			return nil, errorsmod.Wrapf(types.ErrInvalidPreferences, "service %d: %s", entry.ServiceId, err)
		}
		for _, poolID := range entry.PoolIds {
			if _, err := ms.pools.GetPool(ctx, poolID); err != nil {
				return nil, errorsmod.Wrapf(types.ErrInvalidPreferences, "pool %d: %s", poolID, err)
			}
		}
	}
	old, err := ms.userPreferences.Get(ctx, user)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	if err := ms.checkTrustWithdrawal(ctx, old, msg.Preferences); err != nil {
		return nil, err
	}
	if len(msg.Preferences.TrustedServices) == 0 {
		err = ms.userPreferences.Remove(ctx, user)
	} else {
		err = ms.userPreferences.Set(ctx, user, msg.Preferences)
	}
	if err != nil {
		return nil, err
	}
	if ms.hooks != nil {
		if err := ms.hooks.AfterUserPreferencesModified(ctx, user, old, msg.Preferences); err != nil {
			return nil, err
		}
	}
	// After the hooks: rewards split the earnings at the old class's
	// slashes, which they read from the delegations as stored.
	if err := ms.reclassUser(ctx, user, msg.Preferences); err != nil {
		return nil, err
	}
	err = sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSetUserPreferences{User: msg.User, Preferences: msg.Preferences})
	return &types.MsgSetUserPreferencesResponse{}, err
}

// checkTrustWithdrawal asks the trust guard before a user changes the
// trust it gives a service (either way): a service with a slash pending
// keeps the pool stake that answers for it, and takes no new stake.
func (k *Keeper) checkTrustWithdrawal(ctx context.Context, old, updated types.UserPreferences) error {
	if k.trustGuard == nil {
		return nil
	}
	for _, id := range changedTrust(old, updated) {
		if err := k.trustGuard(ctx, id); err != nil {
			return err
		}
	}
	return nil
}

// changedTrust lists, in order, the services whose trust entry differs
// between two preference sets (added, removed, or other pools).
func changedTrust(old, updated types.UserPreferences) []uint32 {
	entries := func(p types.UserPreferences) map[uint32]string {
		m := map[uint32]string{}
		for _, e := range p.TrustedServices {
			pools := append([]uint32(nil), e.PoolIds...)
			slices.Sort(pools)
			m[e.ServiceId] = fmt.Sprint(pools)
		}
		return m
	}
	a, b := entries(old), entries(updated)
	var changed []uint32
	for id, pools := range a {
		if other, ok := b[id]; !ok || other != pools {
			changed = append(changed, id)
		}
	}
	for id := range b {
		if _, ok := a[id]; !ok {
			changed = append(changed, id)
		}
	}
	slices.Sort(changed) // map order must not decide which error is returned
	return changed
}

// checkPoolDelegation asks the trust guard before a pool delegation by a
// user who trusts services with it: new stake must not land in a pending
// slash of one of them.
func (k *Keeper) checkPoolDelegation(ctx context.Context, user sdk.AccAddress, poolID uint32) error {
	if k.trustGuard == nil {
		return nil
	}
	prefs, err := k.GetUserPreferences(ctx, user)
	if err != nil {
		return err
	}
	for _, e := range prefs.TrustedServices {
		if prefs.TrustsService(e.ServiceId, poolID) {
			if err := k.trustGuard(ctx, e.ServiceId); err != nil {
				return err
			}
		}
	}
	return nil
}
