package types

import (
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// TargetSlash is what one slash took from one target.
type TargetSlash struct {
	Type DelegationType
	ID   uint32
	// Bonded came out of the target's stake.
	Bonded sdk.Coins
	// Unbonding came out of entries created after the infraction.
	Unbonding sdk.Coins
	// Dust is the part of the burned pool shares' worth below one unit: it
	// stays in the pool (the slasher loses it, never a delegator).
	Dust sdk.DecCoins
}

// Total is everything the slash took.
func (s TargetSlash) Total() sdk.Coins { return s.Bonded.Add(s.Unbonding...) }

// ValidateSlashFraction accepts fractions in (0, 1].
func ValidateSlashFraction(f sdkmath.LegacyDec) error {
	if f.IsNil() || !f.IsPositive() || f.GT(sdkmath.LegacyOneDec()) {
		return ErrInvalidSlash.Wrapf("fraction %s is not in (0, 1]", f)
	}
	return nil
}

// SlashCoins takes fraction of every coin, truncated: a slash never takes
// more than its fraction of anyone's stake.
func SlashCoins(coins sdk.Coins, fraction sdkmath.LegacyDec) sdk.Coins {
	out := sdk.Coins{}
	for _, c := range coins {
		if cut := sdkmath.LegacyNewDecFromInt(c.Amount).MulTruncate(fraction).TruncateInt(); cut.IsPositive() {
			out = out.Add(sdk.NewCoin(c.Denom, cut))
		}
	}
	return out
}

// BurnShares is the part of shares a slash by fraction burns: truncated,
// and never the whole position while fraction < 1.
func BurnShares(shares, fraction sdkmath.LegacyDec) sdkmath.LegacyDec {
	burn := shares.MulTruncate(fraction)
	if fraction.LT(sdkmath.LegacyOneDec()) && burn.GTE(shares) {
		burn = shares.Sub(sdkmath.LegacySmallestDec())
	}
	if burn.IsNegative() {
		return sdkmath.LegacyZeroDec()
	}
	return burn
}
