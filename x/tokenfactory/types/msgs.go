package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.HasValidateBasic = &MsgCreateDenom{}
	_ sdk.HasValidateBasic = &MsgMint{}
	_ sdk.HasValidateBasic = &MsgBurn{}
	_ sdk.HasValidateBasic = &MsgChangeAdmin{}
	_ sdk.HasValidateBasic = &MsgSetDenomMetadata{}
	_ sdk.HasValidateBasic = &MsgForceTransfer{}
	_ sdk.HasValidateBasic = &MsgUpdateParams{}
)

func validateAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

// validateOptionalAddress accepts empty (meaning the sender) or an address.
func validateOptionalAddress(field, addr string) error {
	if addr == "" {
		return nil
	}
	return validateAddress(field, addr)
}

// ValidateFactoryCoin checks that amount is a positive amount of a
// well-formed factory denom.
func ValidateFactoryCoin(amount sdk.Coin) error {
	if err := amount.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s", err)
	}
	if !amount.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidAmount, "%s is not positive", amount)
	}
	_, _, err := DeconstructDenom(amount.Denom)
	return err
}

// ValidateBasic checks the Msg without state.
func (m *MsgCreateDenom) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	_, err := GetTokenDenom(m.Sender, m.Subdenom)
	return err
}

// ValidateBasic checks the Msg without state.
func (m *MsgMint) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateOptionalAddress("mint_to_address", m.MintToAddress); err != nil {
		return err
	}
	return ValidateFactoryCoin(m.Amount)
}

// ValidateBasic checks the Msg without state.
func (m *MsgBurn) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateOptionalAddress("burn_from_address", m.BurnFromAddress); err != nil {
		return err
	}
	return ValidateFactoryCoin(m.Amount)
}

// ValidateBasic checks the Msg without state. An empty new_admin renounces.
func (m *MsgChangeAdmin) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateOptionalAddress("new_admin", m.NewAdmin); err != nil {
		return err
	}
	_, _, err := DeconstructDenom(m.Denom)
	return err
}

// ValidateBasic checks the Msg without state: the metadata passes the
// bank's own checks and describes a factory denom.
func (m *MsgSetDenomMetadata) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := m.Metadata.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidMetadata, "%s", err)
	}
	_, _, err := DeconstructDenom(m.Metadata.Base)
	return err
}

// ValidateBasic checks the Msg without state.
func (m *MsgForceTransfer) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateAddress("transfer_from_address", m.TransferFromAddress); err != nil {
		return err
	}
	if err := validateAddress("transfer_to_address", m.TransferToAddress); err != nil {
		return err
	}
	return ValidateFactoryCoin(m.Amount)
}

// ValidateBasic checks the Msg without state.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}
