package types

import (
	"encoding/json"
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// MemoKey is the top-level memo key that marks an ICS-20 transfer as an
// insurance deposit.
const MemoKey = "liquidvesting"

// InsuranceDeposit credits amount to depositor's insurance fund.
type InsuranceDeposit struct {
	Depositor string   `json:"depositor"`
	Amount    sdk.Coin `json:"amount"`
}

// DepositMemo is the value under MemoKey:
// {"liquidvesting":{"amounts":[{"depositor":"milk1...","amount":{"denom":"utia","amount":"100"}}]}}.
// Each amount's denom is the packet's denom as the sender wrote it.
type DepositMemo struct {
	Amounts []InsuranceDeposit `json:"amounts"`
}

// ParseDepositMemo reads an ICS-20 memo. isDeposit is false when the memo
// is not addressed to this module (no memo, another JSON object, or text
// that never names the module): such packets pass through untouched. A
// memo that names the module but cannot be read is a deposit with an
// error, so the sender is refunded instead of funding nobody.
func ParseDepositMemo(memo string) (deposit DepositMemo, isDeposit bool, err error) {
	if strings.TrimSpace(memo) == "" {
		return deposit, false, nil
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(memo), &top); err != nil {
		if strings.Contains(memo, `"`+MemoKey+`"`) {
			return deposit, true, errorsmod.Wrapf(ErrInvalidDepositMemo, "not a JSON object: %s", err)
		}
		return deposit, false, nil
	}
	raw, ok := top[MemoKey]
	if !ok {
		return deposit, false, nil
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&deposit); err != nil {
		return deposit, true, errorsmod.Wrapf(ErrInvalidDepositMemo, "%s", err)
	}
	return deposit, true, deposit.Validate()
}

// Validate checks every deposit names a valid depositor and a positive
// amount, all in one denom.
func (m DepositMemo) Validate() error {
	if len(m.Amounts) == 0 {
		return errorsmod.Wrap(ErrInvalidDepositMemo, "no amounts")
	}
	for i, d := range m.Amounts {
		if _, err := sdk.AccAddressFromBech32(d.Depositor); err != nil {
			return errorsmod.Wrapf(ErrInvalidDepositMemo, "amounts[%d] depositor %q: %s", i, d.Depositor, err)
		}
		if d.Amount.Amount.IsNil() || !d.Amount.IsValid() || !d.Amount.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidDepositMemo, "amounts[%d] amount %q is not a positive coin", i, d.Amount)
		}
		if d.Amount.Denom != m.Amounts[0].Amount.Denom {
			return errorsmod.Wrapf(ErrDepositMismatch, "amounts[%d] is in %s, amounts[0] in %s", i, d.Amount.Denom, m.Amounts[0].Amount.Denom)
		}
	}
	return nil
}

// Total is the sum of all deposits (one denom, see Validate).
func (m DepositMemo) Total() sdk.Coin {
	total := sdk.NewCoin(m.Amounts[0].Amount.Denom, m.Amounts[0].Amount.Amount.Sub(m.Amounts[0].Amount.Amount))
	for _, d := range m.Amounts {
		total = total.Add(d.Amount)
	}
	return total
}
