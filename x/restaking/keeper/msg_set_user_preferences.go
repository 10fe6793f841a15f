package keeper

import (
	"context"
	"errors"

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
	err = sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSetUserPreferences{User: msg.User, Preferences: msg.Preferences})
	return &types.MsgSetUserPreferencesResponse{}, err
}

// checkTrustWithdrawal asks the trust guard before a user narrows the
// trust it gives a service: a service with a slash pending may not lose
// the pool stake that answers for it (x/slashing refuses).
func (k *Keeper) checkTrustWithdrawal(ctx context.Context, old, updated types.UserPreferences) error {
	if k.trustGuard == nil {
		return nil
	}
	for _, entry := range old.TrustedServices {
		if narrowsTrust(entry, updated) {
			if err := k.trustGuard(ctx, entry.ServiceId); err != nil {
				return err
			}
		}
	}
	return nil
}

// narrowsTrust tells whether updated trusts the entry's service with fewer
// pools than entry did.
func narrowsTrust(entry types.TrustedServiceEntry, updated types.UserPreferences) bool {
	if len(entry.PoolIds) == 0 {
		for _, e := range updated.TrustedServices {
			if e.ServiceId == entry.ServiceId {
				return len(e.PoolIds) != 0
			}
		}
		return true
	}
	for _, pool := range entry.PoolIds {
		if !updated.TrustsService(entry.ServiceId, pool) {
			return true
		}
	}
	return false
}
