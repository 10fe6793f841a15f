package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// Hooks keeps rewards settled across every change of stake: before a
// delegation changes its earnings are paid and its pool shares stop
// counting; after, it starts earning again at the new size.
type Hooks struct{ k *Keeper }

var _ restakingtypes.RestakingHooks = Hooks{}

// Hooks returns the restaking hooks.
func (k *Keeper) Hooks() Hooks { return Hooks{k: k} }

// BeforeDelegationSharesModified pays the delegation's rewards so far.
// It reads the delegation as stored: the change settles it, and what it
// earned before its trust class's slashes is paid on the shares it held.
func (h Hooks) BeforeDelegationSharesModified(ctx context.Context, t restakingtypes.DelegationType, id uint32, user sdk.AccAddress) error {
	d, _, found, err := h.k.restaking.DelegationHistory(ctx, t, id, user)
	if err != nil || !found {
		return err
	}
	prefs, err := h.k.restaking.GetUserPreferences(ctx, user)
	if err != nil {
		return err
	}
	_, err = h.k.leave(ctx, user, d, prefs, true)
	return err
}

// AfterDelegationModified starts the changed delegation earning.
func (h Hooks) AfterDelegationModified(ctx context.Context, t restakingtypes.DelegationType, id uint32, user sdk.AccAddress) error {
	d, found, err := h.k.restaking.GetDelegation(ctx, t, id, user)
	if err != nil || !found {
		return err
	}
	prefs, err := h.k.restaking.GetUserPreferences(ctx, user)
	if err != nil {
		return err
	}
	return h.k.enter(ctx, user, d, prefs, true)
}

// AfterUnbondingInitiated needs nothing: unbonding tokens stopped earning
// when the shares were removed.
func (Hooks) AfterUnbondingInitiated(context.Context, uint64) error { return nil }

// AfterUserPreferencesModified settles the user's pool delegations under
// the old trust and restarts them under the new one. It walks only the
// user's own delegations, as stored: one burned whole by its class is
// hidden from the settled views but is still owed what it earned before.
func (h Hooks) AfterUserPreferencesModified(ctx context.Context, user sdk.AccAddress, oldPrefs, newPrefs restakingtypes.UserPreferences) error {
	return h.k.restaking.IterateUserStoredDelegations(ctx, user, func(stored restakingtypes.Delegation) (bool, error) {
		if stored.Type != restakingtypes.DELEGATION_TYPE_POOL {
			return false, nil
		}
		if _, err := h.k.leave(ctx, user, stored, oldPrefs, true); err != nil {
			return true, err
		}
		d, found, err := h.k.restaking.GetDelegation(ctx, stored.Type, stored.TargetId, user)
		if err != nil || !found { // burned whole: nothing left to earn on
			return err != nil, err
		}
		return false, h.k.enter(ctx, user, d, newPrefs, true)
	})
}
