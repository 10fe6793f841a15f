package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg = &MsgDelegatePool{}
	_ sdk.Msg = &MsgDelegateOperator{}
	_ sdk.Msg = &MsgDelegateService{}
	_ sdk.Msg = &MsgUndelegatePool{}
	_ sdk.Msg = &MsgUndelegateOperator{}
	_ sdk.Msg = &MsgUndelegateService{}
	_ sdk.Msg = &MsgUpdateParams{}
	_ sdk.Msg = &MsgJoinService{}
	_ sdk.Msg = &MsgLeaveService{}
	_ sdk.Msg = &MsgAddOperatorToAllowList{}
	_ sdk.Msg = &MsgRemoveOperatorFromAllowList{}
	_ sdk.Msg = &MsgBorrowPoolSecurity{}
	_ sdk.Msg = &MsgCeasePoolSecurityBorrow{}
	_ sdk.Msg = &MsgSetUserPreferences{}
)

func validateAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

// ValidateAmount requires valid, sorted, positive coins and at least one.
func ValidateAmount(amount sdk.Coins) error {
	if amount.Empty() {
		return errorsmod.Wrap(ErrInvalidAmount, "amount must not be empty")
	}
	if err := amount.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidAmount, err.Error())
	}
	return nil
}

func validateTargetMsg(delegator string, targetID uint32, amount sdk.Coins) error {
	if err := validateAddress("delegator", delegator); err != nil {
		return err
	}
	if targetID == 0 {
		return errorsmod.Wrap(ErrInvalidTarget, "target id must be positive")
	}
	return ValidateAmount(amount)
}

// ValidateBasic checks the Msg without state.
func (m *MsgDelegatePool) ValidateBasic() error {
	if err := validateAddress("delegator", m.Delegator); err != nil {
		return err
	}
	return ValidateAmount(sdk.Coins{m.Amount})
}

// ValidateBasic checks the Msg without state.
func (m *MsgDelegateOperator) ValidateBasic() error {
	return validateTargetMsg(m.Delegator, m.OperatorId, m.Amount)
}

// ValidateBasic checks the Msg without state.
func (m *MsgDelegateService) ValidateBasic() error {
	return validateTargetMsg(m.Delegator, m.ServiceId, m.Amount)
}

// ValidateBasic checks the Msg without state.
func (m *MsgUndelegatePool) ValidateBasic() error {
	if err := validateAddress("delegator", m.Delegator); err != nil {
		return err
	}
	return ValidateAmount(sdk.Coins{m.Amount})
}

// ValidateBasic checks the Msg without state.
func (m *MsgUndelegateOperator) ValidateBasic() error {
	return validateTargetMsg(m.Delegator, m.OperatorId, m.Amount)
}

// ValidateBasic checks the Msg without state.
func (m *MsgUndelegateService) ValidateBasic() error {
	return validateTargetMsg(m.Delegator, m.ServiceId, m.Amount)
}

// ValidateBasic checks the Msg without state.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}

func validateIDs(sender string, ids map[string]uint32) error {
	if err := validateAddress("sender", sender); err != nil {
		return err
	}
	for name, id := range ids {
		if id == 0 {
			return errorsmod.Wrapf(ErrInvalidTarget, "%s must be positive", name)
		}
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgJoinService) ValidateBasic() error {
	return validateIDs(m.Sender, map[string]uint32{"operator id": m.OperatorId, "service id": m.ServiceId})
}

// ValidateBasic checks the Msg without state.
func (m *MsgLeaveService) ValidateBasic() error {
	return validateIDs(m.Sender, map[string]uint32{"operator id": m.OperatorId, "service id": m.ServiceId})
}

// ValidateBasic checks the Msg without state.
func (m *MsgAddOperatorToAllowList) ValidateBasic() error {
	return validateIDs(m.Sender, map[string]uint32{"operator id": m.OperatorId, "service id": m.ServiceId})
}

// ValidateBasic checks the Msg without state.
func (m *MsgRemoveOperatorFromAllowList) ValidateBasic() error {
	return validateIDs(m.Sender, map[string]uint32{"operator id": m.OperatorId, "service id": m.ServiceId})
}

// ValidateBasic checks the Msg without state.
func (m *MsgBorrowPoolSecurity) ValidateBasic() error {
	return validateIDs(m.Sender, map[string]uint32{"pool id": m.PoolId, "service id": m.ServiceId})
}

// ValidateBasic checks the Msg without state.
func (m *MsgCeasePoolSecurityBorrow) ValidateBasic() error {
	return validateIDs(m.Sender, map[string]uint32{"pool id": m.PoolId, "service id": m.ServiceId})
}

// ValidateBasic checks the Msg without state.
func (m *MsgSetUserPreferences) ValidateBasic() error {
	if err := validateAddress("user", m.User); err != nil {
		return err
	}
	return m.Preferences.Validate()
}
