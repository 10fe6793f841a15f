package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// MaxDescriptionLength bounds a plan's description.
const MaxDescriptionLength = 1000

// MaxWeightedTargets bounds a weighted distribution's list.
const MaxWeightedTargets = 100

const nsPerDay = int64(24 * time.Hour)

// PlanTerms are what a service admin sets on a plan, at creation and edit.
type PlanTerms struct {
	Description        string
	AmountPerDay       sdk.Coin
	StartTime, EndTime time.Time
	Pools, Operators   Distribution
	Users              UsersDistribution
}

// Validate checks the terms without state.
func (t PlanTerms) Validate() error {
	if len(t.Description) > MaxDescriptionLength {
		return errorsmod.Wrapf(ErrInvalidPlan, "description longer than %d bytes", MaxDescriptionLength)
	}
	if err := t.AmountPerDay.Validate(); err != nil || !t.AmountPerDay.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidPlan, "amount_per_day must be a positive coin, got %s", t.AmountPerDay)
	}
	if !t.StartTime.Before(t.EndTime) {
		return errorsmod.Wrapf(ErrInvalidPlan, "start_time %s must be before end_time %s",
			t.StartTime.UTC().Format(time.RFC3339), t.EndTime.UTC().Format(time.RFC3339))
	}
	if err := t.Pools.Validate("pools"); err != nil {
		return err
	}
	if err := t.Operators.Validate("operators"); err != nil {
		return err
	}
	return nil
}

// Validate checks a group's distribution.
func (d Distribution) Validate(group string) error {
	switch d.Type {
	case DISTRIBUTION_TYPE_BASIC, DISTRIBUTION_TYPE_EGALITARIAN:
		if len(d.Weights) > 0 {
			return errorsmod.Wrapf(ErrInvalidDistribution, "%s: weights are only for a weighted distribution", group)
		}
	case DISTRIBUTION_TYPE_WEIGHTED:
		if len(d.Weights) == 0 || len(d.Weights) > MaxWeightedTargets {
			return errorsmod.Wrapf(ErrInvalidDistribution, "%s: a weighted distribution lists 1-%d targets", group, MaxWeightedTargets)
		}
		seen := map[uint32]bool{}
		for _, w := range d.Weights {
			if w.TargetId == 0 || w.Weight == 0 || seen[w.TargetId] {
				return errorsmod.Wrapf(ErrInvalidDistribution, "%s: target %d has weight %d or is repeated", group, w.TargetId, w.Weight)
			}
			seen[w.TargetId] = true
		}
	default:
		return errorsmod.Wrapf(ErrInvalidDistribution, "%s: unknown distribution type %d", group, d.Type)
	}
	return nil
}

// WeightOf returns a target's weight in a weighted distribution (0 if unlisted).
func (d Distribution) WeightOf(targetID uint32) uint32 {
	for _, w := range d.Weights {
		if w.TargetId == targetID {
			return w.Weight
		}
	}
	return 0
}

// Terms returns the plan's terms.
func (p RewardsPlan) Terms() PlanTerms {
	return PlanTerms{
		Description: p.Description, AmountPerDay: p.AmountPerDay, StartTime: p.StartTime, EndTime: p.EndTime,
		Pools: p.PoolsDistribution, Operators: p.OperatorsDistribution, Users: p.UsersDistribution,
	}
}

// NewPlan builds a plan with an empty ledger.
func NewPlan(id uint64, serviceID uint32, t PlanTerms, funds sdk.Coin) RewardsPlan {
	p := RewardsPlan{
		Id: id, ServiceId: serviceID, Remaining: funds,
		Allocated: sdkmath.ZeroInt(), PaidSinceRate: sdkmath.ZeroInt(), OwedBeforeRate: sdkmath.ZeroInt(),
	}
	p.SetTerms(t)
	return p
}

// SetTerms replaces the terms. What was due under the old rate stays due:
// it moves into owed_before_rate and the rate's own ledger restarts.
func (p *RewardsPlan) SetTerms(t PlanTerms) {
	if p.OwedBeforeRate.IsNil() {
		p.OwedBeforeRate = sdkmath.ZeroInt()
	}
	if p.PaidSinceRate.IsNil() {
		p.PaidSinceRate = sdkmath.ZeroInt()
	}
	if !p.AmountPerDay.IsNil() && p.AmountPerDay.Denom != "" {
		p.OwedBeforeRate = p.Unpaid()
	}
	p.AccruedNs, p.PaidSinceRate = 0, sdkmath.ZeroInt()
	p.Description, p.AmountPerDay = t.Description, t.AmountPerDay
	p.StartTime, p.EndTime = t.StartTime, t.EndTime
	p.PoolsDistribution, p.OperatorsDistribution, p.UsersDistribution = t.Pools, t.Operators, t.Users
}

// Unpaid is what the plan owes now: everything due at the current rate for
// the accrued time, plus what was owed before the rate changed, minus what
// was paid. Computing the total from the accrued time (not slice by slice)
// means no truncation is ever lost.
func (p RewardsPlan) Unpaid() sdkmath.Int {
	due := p.AmountPerDay.Amount.MulRaw(p.AccruedNs).QuoRaw(nsPerDay)
	return p.OwedBeforeRate.Add(due).Sub(p.PaidSinceRate)
}

// Accrue adds active time.
func (p *RewardsPlan) Accrue(d time.Duration) { p.AccruedNs += int64(d) }

// Pay records amount as allocated from the budget.
func (p *RewardsPlan) Pay(amount sdkmath.Int) {
	p.PaidSinceRate = p.PaidSinceRate.Add(amount)
	p.Allocated = p.Allocated.Add(amount)
	p.Remaining.Amount = p.Remaining.Amount.Sub(amount)
}

// ActiveTime is how much of (from, to] lies inside [start, end).
func (p RewardsPlan) ActiveTime(from, to time.Time) time.Duration {
	if from.Before(p.StartTime) {
		from = p.StartTime
	}
	if to.After(p.EndTime) {
		to = p.EndTime
	}
	if !to.After(from) {
		return 0
	}
	return to.Sub(from)
}

// Validate checks a stored plan (genesis).
func (p RewardsPlan) Validate() error {
	if p.Id == 0 || p.ServiceId == 0 {
		return errorsmod.Wrapf(ErrInvalidPlan, "plan %d: ids must be positive", p.Id)
	}
	if err := p.Terms().Validate(); err != nil {
		return errorsmod.Wrapf(err, "plan %d", p.Id)
	}
	if err := p.Remaining.Validate(); err != nil || p.Remaining.Denom != p.AmountPerDay.Denom {
		return errorsmod.Wrapf(ErrInvalidPlan, "plan %d: remaining %s must be in %s", p.Id, p.Remaining, p.AmountPerDay.Denom)
	}
	if p.AccruedNs < 0 || p.Allocated.IsNil() || p.Allocated.IsNegative() || p.PaidSinceRate.IsNil() ||
		p.PaidSinceRate.IsNegative() || p.OwedBeforeRate.IsNil() || p.OwedBeforeRate.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidPlan, "plan %d: negative ledger", p.Id)
	}
	return nil
}
