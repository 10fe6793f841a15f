package types

import (
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// MaxTickerLength bounds a ticker; price feeds use short symbols.
	MaxTickerLength = 10
	// MaxExponent bounds the exponent: 10^18 base units per token (as for
	// EVM-style 18-decimal tokens) is the most any denom uses.
	MaxExponent = 18
	// IBCDenomPrefix starts every ICS-20 voucher denom.
	IBCDenomPrefix = "ibc/"
	// ibcHashLength is the length of the hex SHA-256 hash after the prefix.
	ibcHashLength = 64
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

// ValidateDenom checks a denom with the SDK's rules and, for an IBC
// voucher, that it is "ibc/" and 64 upper-case hex digits: the SHA-256 of
// the denom trace as the transfer module spells it when it mints. The SDK
// alone would take "ibc/xyz", a denom no transfer ever credits; a
// lower-case hash is a different bank denom from the voucher it names.
func ValidateDenom(denom string) error {
	if err := sdk.ValidateDenom(denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidDenom, "%q: %s", denom, err)
	}
	hash, ok := strings.CutPrefix(denom, IBCDenomPrefix)
	if !ok {
		return nil
	}
	if len(hash) != ibcHashLength {
		return errorsmod.Wrapf(ErrInvalidDenom, "%q: an IBC denom is %s followed by %d hex digits, this hash has %d characters",
			denom, IBCDenomPrefix, ibcHashLength, len(hash))
	}
	for i := 0; i < len(hash); i++ {
		c := hash[i]
		switch {
		case '0' <= c && c <= '9', 'A' <= c && c <= 'F':
		case 'a' <= c && c <= 'f':
			return errorsmod.Wrapf(ErrInvalidDenom, "%q: the transfer module writes the hash in upper case (%s%s)",
				denom, IBCDenomPrefix, toUpperASCII(hash))
		default:
			return errorsmod.Wrapf(ErrInvalidDenom, "%q: %q is not a hex digit", denom, c)
		}
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
