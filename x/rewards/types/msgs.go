package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

var (
	_ sdk.Msg = &MsgCreateRewardsPlan{}
	_ sdk.Msg = &MsgEditRewardsPlan{}
	_ sdk.Msg = &MsgTopUpRewardsPlan{}
	_ sdk.Msg = &MsgCancelRewardsPlan{}
	_ sdk.Msg = &MsgSetWithdrawAddress{}
	_ sdk.Msg = &MsgWithdrawDelegatorReward{}
	_ sdk.Msg = &MsgWithdrawAllRewards{}
	_ sdk.Msg = &MsgWithdrawOperatorCommission{}
	_ sdk.Msg = &MsgUpdateParams{}
)

func validAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

// Terms returns the plan terms of the Msg.
func (m *MsgCreateRewardsPlan) Terms() PlanTerms {
	return PlanTerms{
		Description: m.Description, AmountPerDay: m.AmountPerDay, StartTime: m.StartTime, EndTime: m.EndTime,
		Pools: m.PoolsDistribution, Operators: m.OperatorsDistribution, Users: m.UsersDistribution,
	}
}

// ValidateBasic checks the Msg without state.
func (m *MsgCreateRewardsPlan) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.ServiceId == 0 {
		return errorsmod.Wrap(ErrInvalidPlan, "service id must be positive")
	}
	if err := m.Terms().Validate(); err != nil {
		return err
	}
	if err := m.Funds.Validate(); err != nil || m.Funds.Denom != m.AmountPerDay.Denom {
		return errorsmod.Wrapf(ErrInvalidFunds, "funds %s must be a valid coin in %s", m.Funds, m.AmountPerDay.Denom)
	}
	return nil
}

// Terms returns the plan terms of the Msg.
func (m *MsgEditRewardsPlan) Terms() PlanTerms {
	return PlanTerms{
		Description: m.Description, AmountPerDay: m.AmountPerDay, StartTime: m.StartTime, EndTime: m.EndTime,
		Pools: m.PoolsDistribution, Operators: m.OperatorsDistribution, Users: m.UsersDistribution,
	}
}

// ValidateBasic checks the Msg without state.
func (m *MsgEditRewardsPlan) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.PlanId == 0 {
		return errorsmod.Wrap(ErrInvalidPlan, "plan id must be positive")
	}
	return m.Terms().Validate()
}

// ValidateBasic checks the Msg without state.
func (m *MsgTopUpRewardsPlan) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.PlanId == 0 {
		return errorsmod.Wrap(ErrInvalidPlan, "plan id must be positive")
	}
	if err := m.Amount.Validate(); err != nil || !m.Amount.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidFunds, "amount must be a positive coin, got %s", m.Amount)
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgCancelRewardsPlan) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.PlanId == 0 {
		return errorsmod.Wrap(ErrInvalidPlan, "plan id must be positive")
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgSetWithdrawAddress) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	return validAddress("withdraw_address", m.WithdrawAddress)
}

// ValidateBasic checks the Msg without state.
func (m *MsgWithdrawDelegatorReward) ValidateBasic() error {
	if err := validAddress("delegator", m.Delegator); err != nil {
		return err
	}
	return ValidTargetType(m.DelegationType, m.TargetId)
}

// ValidateBasic checks the Msg without state.
func (m *MsgWithdrawAllRewards) ValidateBasic() error { return validAddress("delegator", m.Delegator) }

// ValidateBasic checks the Msg without state.
func (m *MsgWithdrawOperatorCommission) ValidateBasic() error {
	if err := validAddress("sender", m.Sender); err != nil {
		return err
	}
	if m.OperatorId == 0 {
		return errorsmod.Wrap(ErrOperatorNotFound, "operator id must be positive")
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

// ValidTargetType checks a delegation type and target id (Msgs and queries).
func ValidTargetType(t restakingtypes.DelegationType, id uint32) error {
	if err := t.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidTarget, err.Error())
	}
	if id == 0 {
		return errorsmod.Wrap(ErrInvalidTarget, "target id must be positive")
	}
	return nil
}
