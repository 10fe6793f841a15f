package types

import (
	"context"
	"errors"
)

// ServicesHooks lets other modules react to service life-cycle changes.
type ServicesHooks interface {
	AfterServiceCreated(ctx context.Context, serviceID uint32) error
	AfterServiceActivated(ctx context.Context, serviceID uint32) error
	AfterServiceDeactivated(ctx context.Context, serviceID uint32) error
	AfterServiceAccreditationModified(ctx context.Context, serviceID uint32) error
	BeforeServiceDeleted(ctx context.Context, serviceID uint32) error
}

// MultiServicesHooks calls several hooks in order and joins their errors.
type MultiServicesHooks []ServicesHooks

var _ ServicesHooks = MultiServicesHooks{}

func (h MultiServicesHooks) each(f func(ServicesHooks) error) error {
	var errs []error
	for _, hook := range h {
		if err := f(hook); err != nil {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// AfterServiceCreated implements ServicesHooks.
func (h MultiServicesHooks) AfterServiceCreated(ctx context.Context, id uint32) error {
	return h.each(func(x ServicesHooks) error { return x.AfterServiceCreated(ctx, id) })
}

// AfterServiceActivated implements ServicesHooks.
func (h MultiServicesHooks) AfterServiceActivated(ctx context.Context, id uint32) error {
	return h.each(func(x ServicesHooks) error { return x.AfterServiceActivated(ctx, id) })
}

// AfterServiceDeactivated implements ServicesHooks.
func (h MultiServicesHooks) AfterServiceDeactivated(ctx context.Context, id uint32) error {
	return h.each(func(x ServicesHooks) error { return x.AfterServiceDeactivated(ctx, id) })
}

// AfterServiceAccreditationModified implements ServicesHooks.
func (h MultiServicesHooks) AfterServiceAccreditationModified(ctx context.Context, id uint32) error {
	return h.each(func(x ServicesHooks) error { return x.AfterServiceAccreditationModified(ctx, id) })
}

// BeforeServiceDeleted implements ServicesHooks.
func (h MultiServicesHooks) BeforeServiceDeleted(ctx context.Context, id uint32) error {
	return h.each(func(x ServicesHooks) error { return x.BeforeServiceDeleted(ctx, id) })
}
