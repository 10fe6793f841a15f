package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg = &MsgCreateService{}
	_ sdk.Msg = &MsgUpdateService{}
	_ sdk.Msg = &MsgActivateService{}
	_ sdk.Msg = &MsgDeactivateService{}
	_ sdk.Msg = &MsgDeleteService{}
	_ sdk.Msg = &MsgTransferServiceOwnership{}
	_ sdk.Msg = &MsgSetServiceParams{}
	_ sdk.Msg = &MsgAccreditService{}
	_ sdk.Msg = &MsgRevokeServiceAccreditation{}
	_ sdk.Msg = &MsgUpdateParams{}
)

func validateAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

func validateServiceID(id uint32) error {
	if id == 0 {
		return errorsmod.Wrap(ErrInvalidServiceID, "service id must be positive")
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgCreateService) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := ValidateMetadata(m.Name, m.Description, m.Website, m.PictureUrl, false); err != nil {
		return err
	}
	if err := m.FeeAmount.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInsufficientFee, "fee amount: %s", err)
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgUpdateService) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateServiceID(m.ServiceId); err != nil {
		return err
	}
	return ValidateMetadata(m.Name, m.Description, m.Website, m.PictureUrl, true)
}

// ValidateBasic checks the Msg without state.
func (m *MsgActivateService) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	return validateServiceID(m.ServiceId)
}

// ValidateBasic checks the Msg without state.
func (m *MsgDeactivateService) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	return validateServiceID(m.ServiceId)
}

// ValidateBasic checks the Msg without state.
func (m *MsgDeleteService) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	return validateServiceID(m.ServiceId)
}

// ValidateBasic checks the Msg without state.
func (m *MsgTransferServiceOwnership) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateAddress("new admin", m.NewAdmin); err != nil {
		return err
	}
	return validateServiceID(m.ServiceId)
}

// ValidateBasic checks the Msg without state.
func (m *MsgSetServiceParams) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateServiceID(m.ServiceId); err != nil {
		return err
	}
	return m.ServiceParams.Validate()
}

// ValidateBasic checks the Msg without state.
func (m *MsgAccreditService) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return validateServiceID(m.ServiceId)
}

// ValidateBasic checks the Msg without state.
func (m *MsgRevokeServiceAccreditation) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return validateServiceID(m.ServiceId)
}

// ValidateBasic checks the Msg without state.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}
