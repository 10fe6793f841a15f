package types

import (
	"slices"
	"strconv"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Trust classes make pool slashing lazy (docs/adr/002, amendment 2): a
// pool's delegations whose owners trust exactly the same set of services
// with it are hit by exactly the same slashes, so one cumulative factor per
// class tells every member's shares without touching the member.

// ShareStep is what a delegation holds after one of its class's slash
// events that it has not settled yet: x/rewards splits its earnings there.
type ShareStep struct {
	Event  uint64
	Shares sdk.DecCoins
}

// TrustedSet is the sorted set of services the preferences trust with the
// pool: the services whose slashes reach the user's stake in it.
func TrustedSet(prefs UserPreferences, poolID uint32) []uint32 {
	var set []uint32
	for _, e := range prefs.TrustedServices {
		if prefs.TrustsService(e.ServiceId, poolID) {
			set = append(set, e.ServiceId)
		}
	}
	slices.Sort(set)
	return slices.Compact(set)
}

// TrustSetKey encodes a sorted service set as a store key ("1,4,9").
func TrustSetKey(services []uint32) string {
	parts := make([]string, len(services))
	for i, s := range services {
		parts[i] = strconv.FormatUint(uint64(s), 10)
	}
	return strings.Join(parts, ",")
}

// NextFactor is the class factor after a slash of fraction g: truncated,
// so it never exceeds the exact F·(1−g) (the proof in the ADR needs that).
func NextFactor(factor, fraction sdkmath.LegacyDec) sdkmath.LegacyDec {
	return factor.MulTruncate(sdkmath.LegacyOneDec().Sub(fraction))
}

// SettleShares applies a class's factor change to stored shares:
// ⌊⌊shares·now⌋/then⌋ per denom, zero amounts dropped. Truncating down keeps
// the sum of the members at or below the class aggregate.
func SettleShares(stored sdk.DecCoins, now, then sdkmath.LegacyDec) sdk.DecCoins {
	out := sdk.DecCoins{}
	if !then.IsPositive() {
		return out
	}
	for _, s := range stored {
		if a := s.Amount.MulTruncate(now).QuoTruncate(then); a.IsPositive() {
			out = append(out, sdk.NewDecCoinFromDec(s.Denom, a))
		}
	}
	return out
}

// Validate checks a class on its own: a pool, a sorted non-empty set of
// positive services, valid shares, a factor in (0, 1] and zeroed_at within
// the events.
func (c TrustClass) Validate() error {
	if c.Id == 0 || c.PoolId == 0 || len(c.ServiceIds) == 0 {
		return errorsmod.Wrapf(ErrInvalidTrustClass, "class %d of pool %d with services %v", c.Id, c.PoolId, c.ServiceIds)
	}
	for i, s := range c.ServiceIds {
		if s == 0 || (i > 0 && s <= c.ServiceIds[i-1]) {
			return errorsmod.Wrapf(ErrInvalidTrustClass, "class %d: services %v not sorted, positive and unique", c.Id, c.ServiceIds)
		}
	}
	if c.Shares.Validate() != nil {
		return errorsmod.Wrapf(ErrInvalidTrustClass, "class %d: invalid shares %s", c.Id, c.Shares)
	}
	if c.Factor.IsNil() || !c.Factor.IsPositive() || c.Factor.GT(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidTrustClass, "class %d: factor %s outside (0, 1]", c.Id, c.Factor)
	}
	if c.ZeroedAt > c.Events {
		return errorsmod.Wrapf(ErrInvalidTrustClass, "class %d: zeroed at event %d of %d", c.Id, c.ZeroedAt, c.Events)
	}
	return nil
}
