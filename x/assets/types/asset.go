package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// MaxTickerLength bounds a ticker; price feeds use short symbols.
	MaxTickerLength = 10
	// MaxExponent bounds the exponent: 10^18 base units per token (as for
	// EVM-style 18-decimal tokens) is the most any denom uses.
	MaxExponent = 18
)

// NewAsset builds an Asset.
func NewAsset(denom, ticker string, exponent uint32) Asset {
	return Asset{Denom: denom, Ticker: ticker, Exponent: exponent}
}

// Validate checks an asset without state: a valid denom, a ticker of
// 1-10 characters A-Z or 0-9, and an exponent of at most 18.
func (a Asset) Validate() error {
	if err := ValidateDenom(a.Denom); err != nil {
		return err
	}
	if err := ValidateTicker(a.Ticker); err != nil {
		return err
	}
	if a.Exponent > MaxExponent {
		return errorsmod.Wrapf(ErrInvalidExponent, "asset %s: exponent %d is above %d", a.Denom, a.Exponent, MaxExponent)
	}
	return nil
}

// ValidateDenom checks a denom with the SDK's rules.
func ValidateDenom(denom string) error {
	if err := sdk.ValidateDenom(denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidDenom, "%q: %s", denom, err)
	}
	return nil
}

// ValidateTicker checks that ticker has 1-10 characters, each A-Z or 0-9.
// Lowercase is rejected rather than folded, so a ticker is stored exactly
// as the price feed spells it and the ticker index has one spelling.
func ValidateTicker(ticker string) error {
	if ticker == "" {
		return errorsmod.Wrap(ErrInvalidTicker, "ticker must not be empty")
	}
	if len(ticker) > MaxTickerLength {
		return errorsmod.Wrapf(ErrInvalidTicker, "ticker %q is %d characters, at most %d", ticker, len(ticker), MaxTickerLength)
	}
	for i := 0; i < len(ticker); i++ {
		c := ticker[i]
		switch {
		case 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case 'a' <= c && c <= 'z':
			return errorsmod.Wrapf(ErrInvalidTicker, "ticker %q has lowercase letters: tickers are uppercase (e.g. %q)", ticker, toUpperASCII(ticker))
		default:
			return errorsmod.Wrapf(ErrInvalidTicker, "ticker %q has %q: only A-Z and 0-9 are allowed", ticker, c)
		}
	}
	return nil
}

// toUpperASCII upper-cases ASCII letters only, for the error hint.
func toUpperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return string(b)
}
