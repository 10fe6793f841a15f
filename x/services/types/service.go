package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Metadata limits keep one service from bloating state.
const (
	MaxNameLength        = 100
	MaxDescriptionLength = 1000
	MaxURLLength         = 256
)

// NewService builds a CREATED service with its derived account.
func NewService(id uint32, admin, name, description, website, pictureURL string) Service {
	return Service{
		Id:          id,
		Status:      SERVICE_STATUS_CREATED,
		Admin:       admin,
		Name:        name,
		Description: description,
		Website:     website,
		PictureUrl:  pictureURL,
		Address:     ServiceAddress(id).String(),
	}
}

// IsActive tells whether the service takes security.
func (s Service) IsActive() bool { return s.Status == SERVICE_STATUS_ACTIVE }

// Validate checks a stored service.
func (s Service) Validate() error {
	if s.Id == 0 {
		return errorsmod.Wrap(ErrInvalidServiceID, "id must be positive")
	}
	if s.Status == SERVICE_STATUS_UNSPECIFIED || ServiceStatus_name[int32(s.Status)] == "" {
		return errorsmod.Wrapf(ErrInvalidStatus, "service %d has status %d", s.Id, s.Status)
	}
	if _, err := sdk.AccAddressFromBech32(s.Admin); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "service %d admin: %s", s.Id, err)
	}
	if s.Address != ServiceAddress(s.Id).String() {
		return errorsmod.Wrapf(ErrInvalidAddress, "service %d address is not its derived account", s.Id)
	}
	return ValidateMetadata(s.Name, s.Description, s.Website, s.PictureUrl, false)
}

// ValidateMetadata checks metadata lengths; in an update the DoNotModify
// sentinel is accepted everywhere and an empty name only means "clear" for
// optional fields.
func ValidateMetadata(name, description, website, pictureURL string, update bool) error {
	if !update && name == "" {
		return errorsmod.Wrap(ErrInvalidMetadata, "name must not be empty")
	}
	if update && name == "" {
		return errorsmod.Wrap(ErrInvalidMetadata, "name must not be empty (use \"[do-not-modify]\" to keep it)")
	}
	checks := []struct {
		field string
		value string
		max   int
	}{
		{"name", name, MaxNameLength},
		{"description", description, MaxDescriptionLength},
		{"website", website, MaxURLLength},
		{"picture_url", pictureURL, MaxURLLength},
	}
	for _, c := range checks {
		if len(c.value) > c.max {
			return errorsmod.Wrapf(ErrInvalidMetadata, "%s is %d characters, at most %d", c.field, len(c.value), c.max)
		}
	}
	return nil
}

// ApplyUpdate returns s with every field of the update that is not the
// DoNotModify sentinel.
func (s Service) ApplyUpdate(name, description, website, pictureURL string) Service {
	keep := func(old, updated string) string {
		if updated == DoNotModify {
			return old
		}
		return updated
	}
	s.Name = keep(s.Name, name)
	s.Description = keep(s.Description, description)
	s.Website = keep(s.Website, website)
	s.PictureUrl = keep(s.PictureUrl, pictureURL)
	return s
}
