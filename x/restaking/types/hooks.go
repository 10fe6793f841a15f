package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// RestakingHooks let x/rewards (and later slashing) follow every change of
// stake. One set of hooks covers the three target types: the target is
// passed along instead of being spelled out in twelve method names.
type RestakingHooks interface {
	// BeforeDelegationSharesModified runs before a delegation's shares
	// change (created, increased, decreased or removed).
	BeforeDelegationSharesModified(ctx context.Context, t DelegationType, targetID uint32, user sdk.AccAddress) error
	// AfterDelegationModified runs after the change is stored.
	AfterDelegationModified(ctx context.Context, t DelegationType, targetID uint32, user sdk.AccAddress) error
	// AfterUnbondingInitiated runs when an unbonding entry is created.
	AfterUnbondingInitiated(ctx context.Context, unbondingID uint64) error
	// AfterUserPreferencesModified runs after a user changed which services
	// their pool stake trusts (rewards settle the affected pools first).
	AfterUserPreferencesModified(ctx context.Context, user sdk.AccAddress, oldPrefs, newPrefs UserPreferences) error
	// AfterPoolClassSlashed runs once per trust class a slash hit, instead
	// of once per member (docs/adr/002, amendment 2): the class's members
	// in the pool, trusting exactly services, lost burned shares in
	// aggregate at the class's event number event. Rewards split the
	// members' earnings there and lower the per-service share bases.
	AfterPoolClassSlashed(ctx context.Context, poolID uint32, classID, event uint64, services []uint32, burned sdk.DecCoins) error
}
