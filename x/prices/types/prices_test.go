package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/prices/types"
)

// FuzzMedian: the median lies between the smallest and largest post and
// does not depend on the order of the posts.
func FuzzMedian(f *testing.F) {
	f.Add(int64(5), int64(7), int64(1000), int64(6))
	f.Add(int64(1), int64(1), int64(1), int64(1))
	f.Fuzz(func(t *testing.T, a, b, c, d int64) {
		in := []sdkmath.LegacyDec{sdkmath.LegacyNewDec(a), sdkmath.LegacyNewDec(b), sdkmath.LegacyNewDec(c), sdkmath.LegacyNewDec(d)}
		m := types.Median(in)
		lo, hi := in[0], in[0]
		for _, x := range in {
			lo, hi = sdkmath.LegacyMinDec(lo, x), sdkmath.LegacyMaxDec(hi, x)
		}
		require.True(t, m.GTE(lo) && m.LTE(hi), "median %s outside [%s, %s]", m, lo, hi)
		reversed := []sdkmath.LegacyDec{in[3], in[2], in[1], in[0]}
		require.True(t, m.Equal(types.Median(reversed)))
	})
}

func TestValidateTicker(t *testing.T) {
	for _, ok := range []string{"TIA", "MILKTIA", "USDC", "A1"} {
		require.NoError(t, types.ValidateTicker(ok), ok)
	}
	for _, bad := range []string{"", "tia", "TI-A", "ABCDEFGHIJK"} {
		require.ErrorIs(t, types.ValidateTicker(bad), types.ErrInvalidTicker, bad)
	}
}
