package types

import "strings"

// LockedDenomPrefix starts every locked representation denom.
const LockedDenomPrefix = "locked/"

// LockedDenom is the locked representation of denom.
func LockedDenom(denom string) string { return LockedDenomPrefix + denom }

// IsLockedDenom tells whether denom is a locked representation.
func IsLockedDenom(denom string) bool { return strings.HasPrefix(denom, LockedDenomPrefix) }

// UnderlyingDenom is the denom a locked representation stands for; the
// insurance fund is kept in it. ok is false for other denoms.
func UnderlyingDenom(lockedDenom string) (denom string, ok bool) {
	if !IsLockedDenom(lockedDenom) {
		return "", false
	}
	return strings.TrimPrefix(lockedDenom, LockedDenomPrefix), true
}
