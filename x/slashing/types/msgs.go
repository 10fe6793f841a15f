package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg = &MsgSetSlashingRules{}
	_ sdk.Msg = &MsgRegisterOperatorKey{}
	_ sdk.Msg = &MsgSubmitDoubleSign{}
	_ sdk.Msg = &MsgSubmitAttestedFault{}
	_ sdk.Msg = &MsgSubmitEquivocation{}
	_ sdk.Msg = &MsgSubmitStateMismatch{}
	_ sdk.Msg = &MsgVetoSlash{}
	_ sdk.Msg = &MsgUnjail{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// MaxReasonLength bounds the free-text notes.
const MaxReasonLength = 512

func validAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

func validIDs(ids ...uint32) error {
	for _, id := range ids {
		if id == 0 {
			return errorsmod.Wrap(ErrInvalidEvidence, "ids must be positive")
		}
	}
	return nil
}

func validReason(reason string) error {
	if len(reason) > MaxReasonLength {
		return errorsmod.Wrapf(ErrInvalidEvidence, "reason of %d bytes (at most %d)", len(reason), MaxReasonLength)
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgSetSlashingRules) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.Slasher != "" {
		if err := validAddress("slasher", m.Slasher); err != nil {
			return err
		}
	}
	if m.ServiceId == 0 {
		return errorsmod.Wrap(ErrInvalidRule, "service id must be positive")
	}
	return ValidateRules(m.Rules)
}

// ValidateBasic checks the Msg without state.
func (m *MsgRegisterOperatorKey) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	return OperatorKey{OperatorId: m.OperatorId, ServiceId: m.ServiceId, PubKey: m.PubKey}.Validate()
}

// ValidateBasic checks the Msg without state.
func (m *MsgSubmitDoubleSign) ValidateBasic() error {
	if err := validAddress("submitter", m.Submitter); err != nil {
		return err
	}
	if err := ValidateFraction(m.Fraction); err != nil {
		return err
	}
	return CheckDoubleSign(m.First, m.Second)
}

// ValidateBasic checks the Msg without state.
func (m *MsgSubmitAttestedFault) ValidateBasic() error {
	if err := validAddress("slasher", m.Slasher); err != nil {
		return err
	}
	if err := validIDs(m.ServiceId, m.OperatorId); err != nil {
		return err
	}
	if err := ValidateFraction(m.Fraction); err != nil {
		return err
	}
	if m.InfractionHeight <= 0 {
		return errorsmod.Wrapf(ErrInvalidEvidence, "infraction height %d must be positive", m.InfractionHeight)
	}
	if err := m.Evidence.ValidateBasic(); err != nil {
		return err
	}
	return validReason(m.Reason)
}

// ValidateBasic checks the Msg without state.
func (m *MsgSubmitEquivocation) ValidateBasic() error {
	if err := validAddress("submitter", m.Submitter); err != nil {
		return err
	}
	if len(m.FirstHeader) == 0 || len(m.SecondHeader) == 0 {
		return errorsmod.Wrap(ErrInvalidEvidence, "two headers are needed")
	}
	return ValidateFraction(m.Fraction)
}

// ValidateBasic checks the Msg without state.
func (m *MsgSubmitStateMismatch) ValidateBasic() error {
	if err := validAddress("submitter", m.Submitter); err != nil {
		return err
	}
	if len(m.Header) == 0 {
		return errorsmod.Wrap(ErrInvalidEvidence, "the disputed header is needed")
	}
	if len(m.ExpectedAppHash) != 32 {
		return errorsmod.Wrapf(ErrInvalidEvidence, "expected app hash of %d bytes, want 32", len(m.ExpectedAppHash))
	}
	if err := m.Block.ValidateBasic(); err != nil {
		return err
	}
	return ValidateFraction(m.Fraction)
}

// ValidateBasic checks the Msg without state.
func (m *MsgSubmitCensorship) ValidateBasic() error {
	if err := validAddress("submitter", m.Submitter); err != nil {
		return err
	}
	if len(m.TxHash) != 32 {
		return errorsmod.Wrapf(ErrInvalidEvidence, "tx hash of %d bytes, want 32 (SHA-256)", len(m.TxHash))
	}
	if len(m.LateHeader) == 0 {
		return errorsmod.Wrap(ErrInvalidEvidence, "the header of the first block posted after the deadline is needed")
	}
	if err := m.ForcedTx.ValidateBasic(); err != nil {
		return err
	}
	if err := m.LateBlock.ValidateBasic(); err != nil {
		return err
	}
	if m.LateBlock.Height <= m.ForcedTx.Height {
		return errorsmod.Wrapf(ErrInvalidEvidence, "late block at DA height %d is not after the forced transaction's %d", m.LateBlock.Height, m.ForcedTx.Height)
	}
	return ValidateFraction(m.Fraction)
}

// ValidateBasic checks the Msg without state.
func (m *MsgVetoSlash) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.SlashId == 0 {
		return errorsmod.Wrap(ErrSlashNotFound, "slash id must be positive")
	}
	return validReason(m.Reason)
}

// ValidateBasic checks the Msg without state.
func (m *MsgUnjail) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.OperatorId == 0 || m.ServiceId == 0 {
		return errorsmod.Wrap(ErrNotJailed, "operator and service ids must be positive")
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}

// ValidateBasic checks a DA pointer's shape.
func (p DAPointer) ValidateBasic() error {
	if err := ValidateNamespace(p.Namespace); err != nil {
		return errorsmod.Wrapf(ErrInvalidDAPointer, "namespace: %s", err)
	}
	if p.Height == 0 {
		return errorsmod.Wrap(ErrInvalidDAPointer, "DA height must be positive")
	}
	if len(p.Commitment) == 0 || len(p.Commitment) > 64 {
		return errorsmod.Wrapf(ErrInvalidDAPointer, "commitment of %d bytes", len(p.Commitment))
	}
	return nil
}
