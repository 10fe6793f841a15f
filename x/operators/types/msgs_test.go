package types_test

import (
	"strings"
	"testing"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

var (
	alice = sdk.AccAddress("alice_______________").String()
	bob   = sdk.AccAddress("bob_________________").String()
)

func validRegister() *types.MsgRegisterOperator {
	return &types.MsgRegisterOperator{
		Sender: alice, Moniker: "Op", FeeAmount: sdk.NewCoins(sdk.NewInt64Coin("umilk", 10)),
		CommissionRate:          math.LegacyNewDecWithPrec(5, 2),
		MaxCommissionRate:       math.LegacyNewDecWithPrec(20, 2),
		MaxCommissionChangeRate: math.LegacyNewDecWithPrec(1, 2),
	}
}

func TestMsgRegisterOperatorValidateBasic(t *testing.T) {
	edit := func(f func(m *types.MsgRegisterOperator)) *types.MsgRegisterOperator {
		m := validRegister()
		f(m)
		return m
	}
	tests := []struct {
		name   string
		msg    *types.MsgRegisterOperator
		expErr error
	}{
		{"valid", validRegister(), nil},
		{"all rates zero", edit(func(m *types.MsgRegisterOperator) {
			m.CommissionRate, m.MaxCommissionRate, m.MaxCommissionChangeRate = math.LegacyZeroDec(), math.LegacyZeroDec(), math.LegacyZeroDec()
		}), nil},
		{"rate equal to max equal to one", edit(func(m *types.MsgRegisterOperator) {
			m.CommissionRate, m.MaxCommissionRate = math.LegacyOneDec(), math.LegacyOneDec()
		}), nil},
		{"no fee", edit(func(m *types.MsgRegisterOperator) { m.FeeAmount = nil }), nil},
		{"bad sender", edit(func(m *types.MsgRegisterOperator) { m.Sender = "bad" }), types.ErrInvalidAddress},
		{"blank moniker", edit(func(m *types.MsgRegisterOperator) { m.Moniker = " \t" }), types.ErrInvalidMetadata},
		{"sentinel website", edit(func(m *types.MsgRegisterOperator) { m.Website = types.DoNotModify }), types.ErrInvalidMetadata},
		{"sentinel picture", edit(func(m *types.MsgRegisterOperator) { m.PictureUrl = types.DoNotModify }), types.ErrInvalidMetadata},
		{"long moniker", edit(func(m *types.MsgRegisterOperator) { m.Moniker = strings.Repeat("m", types.MaxMonikerLength+1) }), types.ErrInvalidMetadata},
		{"fee with nil amount", edit(func(m *types.MsgRegisterOperator) { m.FeeAmount = sdk.Coins{{Denom: "umilk"}} }), types.ErrInvalidFee},
		{"fee zero amount", edit(func(m *types.MsgRegisterOperator) { m.FeeAmount = sdk.Coins{{Denom: "umilk", Amount: math.ZeroInt()}} }), types.ErrInvalidFee},
		{"rate above max", edit(func(m *types.MsgRegisterOperator) { m.CommissionRate = math.LegacyNewDecWithPrec(21, 2) }), types.ErrCommissionAboveMax},
		{"max above one", edit(func(m *types.MsgRegisterOperator) { m.MaxCommissionRate = math.LegacyNewDecWithPrec(11, 1) }), types.ErrInvalidCommission},
		{"negative max", edit(func(m *types.MsgRegisterOperator) { m.MaxCommissionRate = math.LegacyNewDec(-1) }), types.ErrInvalidCommission},
		{"change above max", edit(func(m *types.MsgRegisterOperator) { m.MaxCommissionChangeRate = math.LegacyNewDecWithPrec(3, 1) }), types.ErrInvalidCommission},
		{"negative change", edit(func(m *types.MsgRegisterOperator) { m.MaxCommissionChangeRate = math.LegacyNewDec(-1) }), types.ErrInvalidCommission},
		{"nil max change", edit(func(m *types.MsgRegisterOperator) { m.MaxCommissionChangeRate = math.LegacyDec{} }), types.ErrInvalidCommission},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
		})
	}
}

func TestAdminMsgsValidateBasic(t *testing.T) {
	keep := types.DoNotModify
	tests := []struct {
		name   string
		msg    sdk.HasValidateBasic
		expErr error
	}{
		{"update: valid", &types.MsgUpdateOperator{Sender: alice, OperatorId: 1, Moniker: keep, Website: "", PictureUrl: keep}, nil},
		{"update: id 0", &types.MsgUpdateOperator{Sender: alice, Moniker: keep, Website: keep, PictureUrl: keep}, types.ErrInvalidOperatorID},
		{"update: empty moniker", &types.MsgUpdateOperator{Sender: alice, OperatorId: 1, Website: keep, PictureUrl: keep}, types.ErrInvalidMetadata},
		{"update: long website", &types.MsgUpdateOperator{Sender: alice, OperatorId: 1, Moniker: keep, Website: strings.Repeat("w", 141), PictureUrl: keep}, types.ErrInvalidMetadata},
		{"update: bad sender", &types.MsgUpdateOperator{Sender: "x", OperatorId: 1, Moniker: keep, Website: keep, PictureUrl: keep}, types.ErrInvalidAddress},
		{"deactivate: valid", &types.MsgDeactivateOperator{Sender: alice, OperatorId: 1}, nil},
		{"deactivate: id 0", &types.MsgDeactivateOperator{Sender: alice}, types.ErrInvalidOperatorID},
		{"deactivate: bad sender", &types.MsgDeactivateOperator{OperatorId: 1}, types.ErrInvalidAddress},
		{"reactivate: valid", &types.MsgReactivateOperator{Sender: alice, OperatorId: 1}, nil},
		{"reactivate: id 0", &types.MsgReactivateOperator{Sender: alice}, types.ErrInvalidOperatorID},
		{"delete: valid", &types.MsgDeleteOperator{Sender: alice, OperatorId: 1}, nil},
		{"delete: bad sender", &types.MsgDeleteOperator{Sender: "milk1", OperatorId: 1}, types.ErrInvalidAddress},
		{"transfer: valid", &types.MsgTransferOperatorOwnership{Sender: alice, OperatorId: 1, NewAdmin: bob}, nil},
		{"transfer: bad new admin", &types.MsgTransferOperatorOwnership{Sender: alice, OperatorId: 1, NewAdmin: "bob"}, types.ErrInvalidAddress},
		{"transfer: id 0", &types.MsgTransferOperatorOwnership{Sender: alice, NewAdmin: bob}, types.ErrInvalidOperatorID},
		{"set params: valid", &types.MsgSetOperatorParams{Sender: alice, OperatorId: 1, CommissionRate: math.LegacyOneDec()}, nil},
		{"set params: above one", &types.MsgSetOperatorParams{Sender: alice, OperatorId: 1, CommissionRate: math.LegacyNewDecWithPrec(101, 2)}, types.ErrInvalidCommission},
		{"set params: negative", &types.MsgSetOperatorParams{Sender: alice, OperatorId: 1, CommissionRate: math.LegacyNewDec(-1)}, types.ErrInvalidCommission},
		{"set params: nil", &types.MsgSetOperatorParams{Sender: alice, OperatorId: 1}, types.ErrInvalidCommission},
		{"update params: valid", &types.MsgUpdateParams{Authority: alice, Params: types.DefaultParams()}, nil},
		{"update params: bad authority", &types.MsgUpdateParams{Authority: "gov", Params: types.DefaultParams()}, types.ErrInvalidAddress},
		{"update params: zero deactivation", &types.MsgUpdateParams{Authority: alice}, types.ErrInvalidParams},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.expErr == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.expErr)
		})
	}
}

// FuzzMsgRegisterOperatorValidateBasic checks that ValidateBasic never
// panics, whatever a client puts in the fields (including unset decimals and
// coin amounts, which decode from the wire as nil), and that every accepted
// message satisfies the commission bounds.
func FuzzMsgRegisterOperatorValidateBasic(f *testing.F) {
	f.Add(alice, "Op", "https://x", "", "umilk", "10", "0.05", "0.2", "0.01", false)
	f.Add(alice, " ", types.DoNotModify, "", "", "", "", "", "", true)
	f.Add("bad", "Op", "", "", "UMILK", "-1", "-0.1", "1.5", "2", false)
	f.Add(alice, "Op", "", "", "umilk", "0", "1", "1", "1", false)
	f.Add(alice, strings.Repeat("m", 71), "", "", "a", "99999999999999999999999999999999999999999999", "0.3", "0.2", "0.1", false)
	f.Add("", "", "", "", "u", "x", "1e18", "0.000000000000000001", "0.0000000000000000001", true)
	f.Fuzz(func(t *testing.T, sender, moniker, website, picture, denom, amount, rate, maxRate, maxChange string, nilAmount bool) {
		dec := func(s string) math.LegacyDec {
			d, err := math.LegacyNewDecFromStr(s)
			if err != nil {
				return math.LegacyDec{} // what an unset field decodes to
			}
			return d
		}
		var fee sdk.Coins
		if denom != "" {
			c := sdk.Coin{Denom: denom}
			if amt, ok := math.NewIntFromString(amount); ok && !nilAmount {
				c.Amount = amt
			}
			fee = sdk.Coins{c}
		}
		msg := &types.MsgRegisterOperator{
			Sender: sender, Moniker: moniker, Website: website, PictureUrl: picture, FeeAmount: fee,
			CommissionRate: dec(rate), MaxCommissionRate: dec(maxRate), MaxCommissionChangeRate: dec(maxChange),
		}
		if err := msg.ValidateBasic(); err != nil {
			return
		}
		require.True(t, msg.CommissionRate.GTE(math.LegacyZeroDec()) && msg.CommissionRate.LTE(msg.MaxCommissionRate))
		require.True(t, msg.MaxCommissionRate.LTE(math.LegacyOneDec()))
		require.True(t, msg.MaxCommissionChangeRate.GTE(math.LegacyZeroDec()) && msg.MaxCommissionChangeRate.LTE(msg.MaxCommissionRate))
		require.NoError(t, msg.FeeAmount.Validate())
	})
}
