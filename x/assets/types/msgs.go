package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg = &MsgRegisterAsset{}
	_ sdk.Msg = &MsgDeregisterAsset{}
)

// NewMsgRegisterAsset builds a MsgRegisterAsset.
func NewMsgRegisterAsset(authority string, asset Asset) *MsgRegisterAsset {
	return &MsgRegisterAsset{Authority: authority, Asset: asset}
}

// NewMsgDeregisterAsset builds a MsgDeregisterAsset.
func NewMsgDeregisterAsset(authority, denom string) *MsgDeregisterAsset {
	return &MsgDeregisterAsset{Authority: authority, Denom: denom}
}

func validateAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgRegisterAsset) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Asset.Validate()
}

// ValidateBasic checks the Msg without state.
func (m *MsgDeregisterAsset) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return ValidateDenom(m.Denom)
}
