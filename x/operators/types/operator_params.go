package types

import (
	"time"

	"cosmossdk.io/math"
)

// CommissionUpdateInterval is the minimum block time between two commission
// changes of one operator, as in x/staking.
const CommissionUpdateInterval = 24 * time.Hour

// NewOperatorParams builds the params an operator registers with.
func NewOperatorParams(rate, maxRate, maxChangeRate math.LegacyDec, updateTime time.Time) OperatorParams {
	return OperatorParams{
		CommissionRate:          rate,
		MaxCommissionRate:       maxRate,
		MaxCommissionChangeRate: maxChangeRate,
		CommissionUpdateTime:    updateTime,
	}
}

// ValidateCommissionRates checks 0 <= rate <= maxRate <= 1 and
// 0 <= maxChangeRate <= maxRate. Unset (nil) values are rejected.
func ValidateCommissionRates(rate, maxRate, maxChangeRate math.LegacyDec) error {
	switch {
	case rate.IsNil() || maxRate.IsNil() || maxChangeRate.IsNil():
		return ErrInvalidCommission.Wrap("commission_rate, max_commission_rate and max_commission_change_rate are required")
	case maxRate.IsNegative() || maxRate.GT(math.LegacyOneDec()):
		return ErrInvalidCommission.Wrapf("max commission rate %s must be within [0, 1]", maxRate)
	case rate.IsNegative():
		return ErrInvalidCommission.Wrapf("commission rate %s is negative", rate)
	case rate.GT(maxRate):
		return ErrCommissionAboveMax.Wrapf("commission rate %s > max %s", rate, maxRate)
	case maxChangeRate.IsNegative():
		return ErrInvalidCommission.Wrapf("max change rate %s is negative", maxChangeRate)
	case maxChangeRate.GT(maxRate):
		return ErrInvalidCommission.Wrapf("max change rate %s > max rate %s", maxChangeRate, maxRate)
	}
	return nil
}

// Validate checks the rates and that the update time is set.
func (p OperatorParams) Validate() error {
	if err := ValidateCommissionRates(p.CommissionRate, p.MaxCommissionRate, p.MaxCommissionChangeRate); err != nil {
		return err
	}
	if p.CommissionUpdateTime.IsZero() {
		return ErrInvalidCommission.Wrap("commission update time is not set")
	}
	return nil
}

// ValidateNewRate checks a commission change at blockTime, following
// x/staking: at most one change per CommissionUpdateInterval, never above
// the max rate, and an increase of at most the max change rate. Decreases
// are not limited by the change rate: they only favour delegators.
func (p OperatorParams) ValidateNewRate(newRate math.LegacyDec, blockTime time.Time) error {
	switch {
	case newRate.IsNil() || newRate.IsNegative():
		return ErrInvalidCommission.Wrapf("commission rate %v must be set and not negative", newRate)
	case newRate.GT(p.MaxCommissionRate):
		return ErrCommissionAboveMax.Wrapf("commission rate %s > max %s", newRate, p.MaxCommissionRate)
	case blockTime.Before(p.CommissionUpdateTime.Add(CommissionUpdateInterval)):
		return ErrCommissionUpdateTooSoon.Wrapf("last change at %s, next allowed at %s",
			p.CommissionUpdateTime, p.CommissionUpdateTime.Add(CommissionUpdateInterval))
	case newRate.Sub(p.CommissionRate).GT(p.MaxCommissionChangeRate):
		return ErrCommissionChangeTooBig.Wrapf("increase from %s to %s exceeds %s",
			p.CommissionRate, newRate, p.MaxCommissionChangeRate)
	}
	return nil
}
