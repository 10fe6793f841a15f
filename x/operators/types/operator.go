package types

import (
	"bytes"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Metadata length limits (bytes). The reference chain has none; bounded
// fields keep every operator's state small.
const (
	MaxMonikerLength    = 70
	MaxWebsiteLength    = 140
	MaxPictureURLLength = 256
)

// NewOperator builds an operator; address is the bech32 form of
// OperatorAddress(id).
func NewOperator(id uint32, status OperatorStatus, admin, moniker, website, pictureURL, address string) Operator {
	return Operator{
		Id:         id,
		Status:     status,
		Admin:      admin,
		Moniker:    moniker,
		Website:    website,
		PictureUrl: pictureURL,
		Address:    address,
	}
}

// IsActive reports whether the operator takes delegations and earns rewards.
func (o Operator) IsActive() bool { return o.Status == OPERATOR_STATUS_ACTIVE }

// Validate checks an operator without state: id, status, addresses (with the
// global bech32 prefix) and metadata.
func (o Operator) Validate() error {
	if o.Id == 0 {
		return ErrInvalidOperatorID.Wrap("id must be positive")
	}
	if _, ok := OperatorStatus_name[int32(o.Status)]; !ok || o.Status == OPERATOR_STATUS_UNSPECIFIED {
		return ErrInvalidMetadata.Wrapf("operator %d: invalid status %d", o.Id, o.Status)
	}
	if _, err := sdk.AccAddressFromBech32(o.Admin); err != nil {
		return ErrInvalidAddress.Wrapf("operator %d admin %q: %s", o.Id, o.Admin, err)
	}
	addr, err := sdk.AccAddressFromBech32(o.Address)
	if err != nil {
		return ErrInvalidAddress.Wrapf("operator %d address %q: %s", o.Id, o.Address, err)
	}
	if !bytes.Equal(addr, OperatorAddress(o.Id)) {
		return ErrInvalidAddress.Wrapf("operator %d address %s is not the derived address", o.Id, o.Address)
	}
	return ValidateMetadata(o.Moniker, o.Website, o.PictureUrl)
}

// ValidateMetadata checks final (not "[do-not-modify]") metadata values.
func ValidateMetadata(moniker, website, pictureURL string) error {
	if strings.TrimSpace(moniker) == "" {
		return ErrInvalidMetadata.Wrap("moniker is required")
	}
	for _, f := range []struct {
		name, value string
		max         int
	}{
		{"moniker", moniker, MaxMonikerLength},
		{"website", website, MaxWebsiteLength},
		{"picture_url", pictureURL, MaxPictureURLLength},
	} {
		if f.value == DoNotModify {
			return ErrInvalidMetadata.Wrapf("%s cannot be %s", f.name, DoNotModify)
		}
		if len(f.value) > f.max {
			return ErrInvalidMetadata.Wrapf("%s is %d bytes, at most %d", f.name, len(f.value), f.max)
		}
	}
	return nil
}

// WithMetadata returns the operator with the given metadata applied; a
// DoNotModify value keeps the current one.
func (o Operator) WithMetadata(moniker, website, pictureURL string) Operator {
	if moniker != DoNotModify {
		o.Moniker = moniker
	}
	if website != DoNotModify {
		o.Website = website
	}
	if pictureURL != DoNotModify {
		o.PictureUrl = pictureURL
	}
	return o
}
