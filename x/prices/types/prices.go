package types

import (
	"sort"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

// ValidateTicker applies x/assets' ticker rule (1-10 upper-case letters or
// digits), so every posted ticker could name a registered asset.
func ValidateTicker(ticker string) error {
	if err := assetstypes.ValidateTicker(ticker); err != nil {
		return errorsmod.Wrap(ErrInvalidTicker, err.Error())
	}
	return nil
}

// Validate checks a posted price.
func (tp TickerPrice) Validate() error {
	if err := ValidateTicker(tp.Ticker); err != nil {
		return err
	}
	if tp.Price.IsNil() || !tp.Price.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidPrice, "%s price must be positive", tp.Ticker)
	}
	return nil
}

// Median returns the median of prices (the mean of the two middle values
// for an even count). prices must not be empty. One feeder posting an
// outlier cannot move it past the honest majority's range.
func Median(prices []sdkmath.LegacyDec) sdkmath.LegacyDec {
	sorted := make([]sdkmath.LegacyDec, len(prices))
	copy(sorted, prices)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].LT(sorted[j]) })
	mid := len(sorted) / 2
	if len(sorted)%2 == 1 {
		return sorted[mid]
	}
	return sorted[mid-1].Add(sorted[mid]).QuoInt64(2)
}

// DenomPrice is the USD price of one whole unit of a denom and the number
// of base units in a whole unit.
type DenomPrice struct {
	Price sdkmath.LegacyDec
	Scale sdkmath.Int
}

// ValueOf values amount base units: price × amount / scale.
func (p DenomPrice) ValueOf(amount sdkmath.Int) sdkmath.LegacyDec {
	if p.Price.IsZero() {
		return sdkmath.LegacyZeroDec()
	}
	return p.Price.MulInt(amount).QuoInt(p.Scale)
}
