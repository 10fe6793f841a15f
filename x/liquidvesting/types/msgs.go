package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg = &MsgMintLockedRepresentation{}
	_ sdk.Msg = &MsgBurnLockedRepresentation{}
	_ sdk.Msg = &MsgWithdrawInsuranceFund{}
	_ sdk.Msg = &MsgUpdateParams{}
)

func validateAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

func validateCoins(amount sdk.Coins) error {
	if err := amount.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidAmount, err.Error())
	}
	if amount.IsZero() {
		return errorsmod.Wrap(ErrInvalidAmount, "amount is empty")
	}
	return nil
}

// validateLockedCoins accepts only non-empty locked/{denom} coins.
func validateLockedCoins(amount sdk.Coins) error {
	if err := validateCoins(amount); err != nil {
		return err
	}
	for _, c := range amount {
		if !IsLockedDenom(c.Denom) {
			return errorsmod.Wrapf(ErrNotLockedDenom, "%s", c.Denom)
		}
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgMintLockedRepresentation) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateAddress("receiver", m.Receiver); err != nil {
		return err
	}
	if err := validateCoins(m.Amount); err != nil {
		return err
	}
	for _, c := range m.Amount {
		if IsLockedDenom(c.Denom) {
			return errorsmod.Wrapf(ErrInvalidAmount, "%s is already a locked representation", c.Denom)
		}
		if err := sdk.ValidateDenom(LockedDenom(c.Denom)); err != nil {
			return errorsmod.Wrapf(ErrInvalidAmount, "locked representation of %s: %s", c.Denom, err)
		}
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgBurnLockedRepresentation) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := validateAddress("user", m.User); err != nil {
		return err
	}
	return validateLockedCoins(m.Amount)
}

// ValidateBasic checks the Msg without state.
func (m *MsgWithdrawInsuranceFund) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	return validateCoins(m.Amount)
}

// ValidateBasic checks the Msg without state.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}
