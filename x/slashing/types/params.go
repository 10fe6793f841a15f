package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	"github.com/celestiaorg/go-square/v2/share"
)

// Defaults: services may jail for up to 30 days, and subjective evidence
// waits at least a day for a veto.
const (
	DefaultMaxJailDuration               = 30 * 24 * time.Hour
	DefaultMinSubjectiveVetoWindow       = 24 * time.Hour
	DefaultMaxVetoWindow                 = 14 * 24 * time.Hour
	DefaultMaxEvidenceAge          int64 = 1_000_000
	// DefaultRulesActivationDelay matches x/restaking's default unbonding
	// time: whoever is exposed when rules change can leave before they apply.
	DefaultRulesActivationDelay = 72 * time.Hour
)

// DefaultMaxSlashFraction: one piece of evidence takes at most half.
var DefaultMaxSlashFraction = sdkmath.LegacyNewDecWithPrec(5, 1)

// DefaultEvidenceNamespaceID is the id of the default DA evidence
// namespace, "milk-evid" as a version 0 namespace.
var DefaultEvidenceNamespaceID = []byte("milk-evid")

// DefaultParams returns the defaults.
func DefaultParams() Params {
	ns, err := share.NewV0Namespace(DefaultEvidenceNamespaceID)
	if err != nil {
		panic(err)
	}
	return Params{
		MaxSlashFraction: DefaultMaxSlashFraction, MaxJailDuration: DefaultMaxJailDuration,
		MinSubjectiveVetoWindow: DefaultMinSubjectiveVetoWindow, MaxVetoWindow: DefaultMaxVetoWindow,
		MaxEvidenceAge: DefaultMaxEvidenceAge, EvidenceNamespace: ns.Bytes(),
		RulesActivationDelay: DefaultRulesActivationDelay,
	}
}

// Validate checks the params without state.
func (p Params) Validate() error {
	// Below one: a 100% slash would leave an operator with shares and no
	// tokens behind them, delegations that could neither leave nor be
	// deleted. Below one, truncation never takes a target's last unit.
	if p.MaxSlashFraction.IsNil() || !p.MaxSlashFraction.IsPositive() || !p.MaxSlashFraction.LT(sdkmath.LegacyOneDec()) {
		return errorsmod.Wrapf(ErrInvalidParams, "max_slash_fraction %s is not in (0, 1)", p.MaxSlashFraction)
	}
	if p.MaxJailDuration < 0 || p.MinSubjectiveVetoWindow < 0 || p.RulesActivationDelay < 0 {
		return errorsmod.Wrap(ErrInvalidParams, "durations must not be negative")
	}
	if p.MaxVetoWindow < p.MinSubjectiveVetoWindow {
		return errorsmod.Wrapf(ErrInvalidParams, "max_veto_window %s is below min_subjective_veto_window %s",
			p.MaxVetoWindow, p.MinSubjectiveVetoWindow)
	}
	if p.MaxEvidenceAge <= 0 {
		return errorsmod.Wrapf(ErrInvalidParams, "max_evidence_age must be positive, got %d", p.MaxEvidenceAge)
	}
	if err := ValidateNamespace(p.EvidenceNamespace); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "evidence_namespace: %s", err)
	}
	if err := p.StateMismatchBond.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidParams, "state_mismatch_bond: %s", err)
	}
	return nil
}

// ValidateNamespace accepts a blob namespace (29 bytes, version 0, not reserved).
func ValidateNamespace(ns []byte) error {
	n, err := share.NewNamespaceFromBytes(ns)
	if err != nil {
		return err
	}
	return n.ValidateForBlob()
}

// Subjective tells whether a fault kind is checked off-chain, so its slash
// must give a resolver time to look.
func (k FaultKind) Subjective() bool {
	return k == FAULT_KIND_ATTESTED || k == FAULT_KIND_STATE_MISMATCH || k == FAULT_KIND_CENSORSHIP
}

// Bonded tells whether anyone may submit the fault kind with only a veto to
// stop it, so the submitter escrows the params' bond (burned on a veto)
// and only one such slash per operator and kind is pending at a time.
func (k FaultKind) Bonded() bool {
	return k == FAULT_KIND_STATE_MISMATCH || k == FAULT_KIND_CENSORSHIP
}

// Validate accepts the known fault kinds.
func (k FaultKind) Validate() error {
	if _, ok := FaultKind_name[int32(k)]; !ok || k == FAULT_KIND_UNSPECIFIED {
		return errorsmod.Wrapf(ErrInvalidRule, "unknown fault kind %d", k)
	}
	return nil
}
