package types

import (
	"strings"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// DenomPrefix starts every factory denom: factory/{creator}/{subdenom}.
	DenomPrefix = "factory"
	// MaxSubdenomLength bounds the subdenom, as in the reference chain.
	MaxSubdenomLength = 44
)

// GetTokenDenom builds factory/{creator}/{subdenom} and checks it: the
// creator an account address, the subdenom 1-44 characters of
// [a-zA-Z0-9._-], and the whole denom within the bank's denom rules (at
// most 128 characters), so every denom this module makes can be sent,
// restaked and carried over IBC.
func GetTokenDenom(creator, subdenom string) (string, error) {
	if _, err := sdk.AccAddressFromBech32(creator); err != nil {
		return "", errorsmod.Wrapf(ErrInvalidAddress, "creator %q: %s", creator, err)
	}
	if err := ValidateSubdenom(subdenom); err != nil {
		return "", err
	}
	denom := strings.Join([]string{DenomPrefix, creator, subdenom}, "/")
	if err := sdk.ValidateDenom(denom); err != nil {
		return "", errorsmod.Wrapf(ErrInvalidDenom, "%q (%d characters): %s", denom, len(denom), err)
	}
	return denom, nil
}

// ValidateSubdenom checks the subdenom's length and charset. "/" is not
// allowed, so a factory denom always splits into exactly three parts.
func ValidateSubdenom(subdenom string) error {
	if subdenom == "" || len(subdenom) > MaxSubdenomLength {
		return errorsmod.Wrapf(ErrInvalidSubdenom, "%q is %d characters, want 1-%d", subdenom, len(subdenom), MaxSubdenomLength)
	}
	for i := 0; i < len(subdenom); i++ {
		switch c := subdenom[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == '_', c == '-':
		default:
			return errorsmod.Wrapf(ErrInvalidSubdenom, "%q has %q: allowed are a-z, A-Z, 0-9, '.', '_' and '-'", subdenom, c)
		}
	}
	return nil
}

// DeconstructDenom splits a factory denom into its creator and subdenom,
// checking it as GetTokenDenom does.
func DeconstructDenom(denom string) (creator, subdenom string, err error) {
	parts := strings.Split(denom, "/")
	if len(parts) != 3 || parts[0] != DenomPrefix {
		return "", "", errorsmod.Wrapf(ErrInvalidDenom, "%q is not factory/{creator}/{subdenom}", denom)
	}
	if _, err := GetTokenDenom(parts[1], parts[2]); err != nil {
		return "", "", errorsmod.Wrapf(ErrInvalidDenom, "%q: %s", denom, err)
	}
	return parts[1], parts[2], nil
}

// IsFactoryDenom tells whether denom is in the factory namespace (it may
// still be malformed).
func IsFactoryDenom(denom string) bool {
	return strings.HasPrefix(denom, DenomPrefix+"/")
}

// Validate checks the authority metadata: the admin is an address, or
// empty when renounced.
func (m DenomAuthorityMetadata) Validate() error {
	if m.Admin == "" {
		return nil
	}
	if _, err := sdk.AccAddressFromBech32(m.Admin); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "admin %q: %s", m.Admin, err)
	}
	return nil
}
