package types

import (
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg              = &MsgRegisterOperator{}
	_ sdk.HasValidateBasic = &MsgRegisterOperator{}
	_ sdk.HasValidateBasic = &MsgUpdateOperator{}
	_ sdk.HasValidateBasic = &MsgDeactivateOperator{}
	_ sdk.HasValidateBasic = &MsgReactivateOperator{}
	_ sdk.HasValidateBasic = &MsgDeleteOperator{}
	_ sdk.HasValidateBasic = &MsgTransferOperatorOwnership{}
	_ sdk.HasValidateBasic = &MsgSetOperatorParams{}
	_ sdk.HasValidateBasic = &MsgUpdateParams{}
)

// validateAddress checks a bech32 account address with the global prefix.
// The keeper decodes it again with the chain's address codec.
func validateAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return ErrInvalidAddress.Wrapf("%s %q: %s", field, addr, err)
	}
	return nil
}

// validateTarget checks the sender and operator id every admin Msg carries.
func validateTarget(sender string, operatorID uint32) error {
	if err := validateAddress("sender", sender); err != nil {
		return err
	}
	if operatorID == 0 {
		return ErrInvalidOperatorID.Wrap("operator id must be positive")
	}
	return nil
}

// ValidateBasic checks the sender, metadata, fee coins and commission rates.
func (m *MsgRegisterOperator) ValidateBasic() error {
	if err := validateAddress("sender", m.Sender); err != nil {
		return err
	}
	if err := ValidateMetadata(m.Moniker, m.Website, m.PictureUrl); err != nil {
		return err
	}
	if err := validateCoins(m.FeeAmount); err != nil {
		return ErrInvalidFee.Wrap(err.Error())
	}
	return ValidateCommissionRates(m.CommissionRate, m.MaxCommissionRate, m.MaxCommissionChangeRate)
}

// ValidateBasic checks the target and the length of each changed field;
// the merged result is checked by the keeper.
func (m *MsgUpdateOperator) ValidateBasic() error {
	if err := validateTarget(m.Sender, m.OperatorId); err != nil {
		return err
	}
	probe := Operator{Moniker: "x"}.WithMetadata(m.Moniker, m.Website, m.PictureUrl)
	return ValidateMetadata(probe.Moniker, probe.Website, probe.PictureUrl)
}

// ValidateBasic checks the sender and operator id.
func (m *MsgDeactivateOperator) ValidateBasic() error { return validateTarget(m.Sender, m.OperatorId) }

// ValidateBasic checks the sender and operator id.
func (m *MsgReactivateOperator) ValidateBasic() error { return validateTarget(m.Sender, m.OperatorId) }

// ValidateBasic checks the sender and operator id.
func (m *MsgDeleteOperator) ValidateBasic() error { return validateTarget(m.Sender, m.OperatorId) }

// ValidateBasic checks the sender, operator id and new admin.
func (m *MsgTransferOperatorOwnership) ValidateBasic() error {
	if err := validateTarget(m.Sender, m.OperatorId); err != nil {
		return err
	}
	return validateAddress("new admin", m.NewAdmin)
}

// ValidateBasic checks the target and that the rate is within [0, 1]; the
// bounds of the operator are checked by the keeper.
func (m *MsgSetOperatorParams) ValidateBasic() error {
	if err := validateTarget(m.Sender, m.OperatorId); err != nil {
		return err
	}
	r := m.CommissionRate
	if r.IsNil() || r.IsNegative() || r.GT(math.LegacyOneDec()) {
		return ErrInvalidCommission.Wrapf("commission rate %v must be within [0, 1]", r)
	}
	return nil
}

// ValidateBasic checks the authority address and the params.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := validateAddress("authority", m.Authority); err != nil {
		return err
	}
	return m.Params.Validate()
}
