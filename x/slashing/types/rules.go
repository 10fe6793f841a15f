package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// ValidateBasic checks a rule without params.
func (r SlashingRule) ValidateBasic() error {
	if err := r.Kind.Validate(); err != nil {
		return err
	}
	if r.MaxFraction.IsNil() || !r.MaxFraction.IsPositive() || r.MaxFraction.GT(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidRule, "%s: max_fraction %s is not in (0, 1]", r.Kind, r.MaxFraction)
	}
	if r.JailDuration < 0 || r.VetoWindow < 0 {
		return errorsmod.Wrapf(ErrInvalidRule, "%s: durations must not be negative", r.Kind)
	}
	for _, f := range [][2]string{{"recipient", r.Recipient}, {"resolver", r.Resolver}} {
		if f[1] == "" {
			continue
		}
		if _, err := sdk.AccAddressFromBech32(f[1]); err != nil {
			return errorsmod.Wrapf(ErrInvalidAddress, "%s: %s %q: %s", r.Kind, f[0], f[1], err)
		}
	}
	return nil
}

// CheckBounds checks a rule against the governance bounds.
func (r SlashingRule) CheckBounds(p Params) error {
	if r.MaxFraction.GT(p.MaxSlashFraction) {
		return errorsmod.Wrapf(ErrInvalidRule, "%s: max_fraction %s above the chain's %s", r.Kind, r.MaxFraction, p.MaxSlashFraction)
	}
	if r.JailDuration > p.MaxJailDuration {
		return errorsmod.Wrapf(ErrInvalidRule, "%s: jail_duration %s above the chain's %s", r.Kind, r.JailDuration, p.MaxJailDuration)
	}
	if r.VetoWindow > p.MaxVetoWindow {
		return errorsmod.Wrapf(ErrInvalidRule, "%s: veto_window %s above the chain's %s", r.Kind, r.VetoWindow, p.MaxVetoWindow)
	}
	if r.Kind.Subjective() && r.VetoWindow < p.MinSubjectiveVetoWindow {
		return errorsmod.Wrapf(ErrInvalidRule, "%s: veto_window %s below the chain's minimum %s for subjective evidence",
			r.Kind, r.VetoWindow, p.MinSubjectiveVetoWindow)
	}
	return nil
}

// ValidateRules checks a rule list: each valid, one per kind.
func ValidateRules(rules []SlashingRule) error {
	seen := map[FaultKind]bool{}
	for _, r := range rules {
		if err := r.ValidateBasic(); err != nil {
			return err
		}
		if seen[r.Kind] {
			return errorsmod.Wrapf(ErrInvalidRule, "two rules for %s", r.Kind)
		}
		seen[r.Kind] = true
	}
	return nil
}

// Rule returns the configuration's rule for a fault kind.
func (c ServiceSlashingConfig) Rule(kind FaultKind) (SlashingRule, bool) {
	for _, r := range c.Rules {
		if r.Kind == kind {
			return r, true
		}
	}
	return SlashingRule{}, false
}

// CheckFraction accepts a requested fraction in (0, rule max].
func (r SlashingRule) CheckFraction(f sdkmath.LegacyDec) error {
	if err := ValidateFraction(f); err != nil {
		return err
	}
	if f.GT(r.MaxFraction) {
		return errorsmod.Wrapf(ErrFractionTooHigh, "%s asked, the %s rule allows %s", f, r.Kind, r.MaxFraction)
	}
	return nil
}

// ValidateFraction accepts fractions in (0, 1].
func ValidateFraction(f sdkmath.LegacyDec) error {
	if f.IsNil() || !f.IsPositive() || f.GT(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidFraction, "fraction %s is not in (0, 1]", f)
	}
	return nil
}

// InForce is the configuration as it applies at now: pending rules whose
// time has come replace the old ones.
func (c ServiceSlashingConfig) InForce(now time.Time) ServiceSlashingConfig {
	if !c.HasPending || now.Before(c.PendingFrom) {
		return c
	}
	return ServiceSlashingConfig{ServiceId: c.ServiceId, Slasher: c.PendingSlasher, Rules: c.PendingRules}
}

// Schedule returns the configuration with new rules that apply from
// (immediately when from is not after now).
func (c ServiceSlashingConfig) Schedule(slasher string, rules []SlashingRule, from, now time.Time) ServiceSlashingConfig {
	if !from.After(now) {
		return ServiceSlashingConfig{ServiceId: c.ServiceId, Slasher: slasher, Rules: rules}
	}
	return ServiceSlashingConfig{
		ServiceId: c.ServiceId, Slasher: c.Slasher, Rules: c.Rules,
		HasPending: true, PendingSlasher: slasher, PendingRules: rules, PendingFrom: from,
	}
}
