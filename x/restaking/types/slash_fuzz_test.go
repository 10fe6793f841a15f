package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// FuzzSlashRounding: whatever the shares, tokens and fraction, a slash
// never burns more than the fraction, never a negative amount, and never
// a whole position while the fraction is below one.
func FuzzSlashRounding(f *testing.F) {
	f.Add(int64(1000), int64(1_000_000_000_000_000_000), int64(84_126_984_126_984_127), int64(1000))
	f.Add(int64(1), int64(1), int64(999_999_999_999_999_999), int64(1))
	f.Add(int64(0), int64(3), int64(1), int64(0))
	f.Fuzz(func(t *testing.T, whole, attos, fracAttos, tokens int64) {
		if whole < 0 || attos < 0 || fracAttos <= 0 || tokens < 0 {
			t.Skip()
		}
		one := sdkmath.LegacyOneDec()
		fraction := sdkmath.LegacyNewDecWithPrec(fracAttos, 18)
		if fraction.GT(one) {
			fraction = one
		}
		shares := sdkmath.LegacyNewDec(whole).Add(sdkmath.LegacyNewDecWithPrec(attos%1_000_000_000_000_000_000, 18))
		burn := types.BurnShares(shares, fraction)
		if burn.IsNegative() || burn.GT(shares.Mul(fraction)) {
			t.Fatalf("burn %s of %s at %s", burn, shares, fraction)
		}
		if fraction.LT(one) && shares.IsPositive() && !burn.LT(shares) {
			t.Fatalf("a %s slash burned the whole position %s", fraction, shares)
		}
		cut := types.SlashCoins(sdk.NewCoins(sdk.NewInt64Coin("umilk", tokens)), fraction)
		if cut.AmountOf("umilk").GT(sdkmath.LegacyNewDec(tokens).Mul(fraction).TruncateInt()) {
			t.Fatalf("cut %s of %d at %s", cut, tokens, fraction)
		}
	})
}
