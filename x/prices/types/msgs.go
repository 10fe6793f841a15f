package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg = &MsgPostPrices{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// MaxPricesPerMsg bounds one post.
const MaxPricesPerMsg = 100

// ValidateBasic checks the Msg without state.
func (m *MsgPostPrices) ValidateBasic() error {
	if _, err := sdk.AccAddressFromBech32(m.Feeder); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "feeder %q: %s", m.Feeder, err)
	}
	if len(m.Prices) == 0 || len(m.Prices) > MaxPricesPerMsg {
		return errorsmod.Wrapf(ErrInvalidPrice, "post 1-%d prices, got %d", MaxPricesPerMsg, len(m.Prices))
	}
	seen := map[string]bool{}
	for _, p := range m.Prices {
		if err := p.Validate(); err != nil {
			return err
		}
		if seen[p.Ticker] {
			return errorsmod.Wrapf(ErrInvalidTicker, "%s posted twice", p.Ticker)
		}
		seen[p.Ticker] = true
	}
	return nil
}

// ValidateBasic checks the Msg without state.
func (m *MsgUpdateParams) ValidateBasic() error {
	if _, err := sdk.AccAddressFromBech32(m.Authority); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "authority %q: %s", m.Authority, err)
	}
	return m.Params.Validate()
}
