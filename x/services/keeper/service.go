package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// GetService returns a service or ErrServiceNotFound.
func (k *Keeper) GetService(ctx context.Context, id uint32) (types.Service, error) {
	s, err := k.services.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Service{}, errorsmod.Wrapf(types.ErrServiceNotFound, "service %d", id)
	}
	return s, err
}

// GetServiceParams returns a service's params (defaults if never set).
func (k *Keeper) GetServiceParams(ctx context.Context, id uint32) (types.ServiceParams, error) {
	p, err := k.serviceParams.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return types.DefaultServiceParams(), nil
	}
	return p, err
}

// IsServiceAddress tells whether addr is a service's account.
func (k *Keeper) IsServiceAddress(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	return k.serviceAddresses.Has(ctx, addr)
}

// GetParams returns the module params.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.params.Get(ctx)
}

// saveService stores a service and indexes its address.
func (k *Keeper) saveService(ctx context.Context, s types.Service) error {
	addr := types.ServiceAddress(s.Id)
	if err := k.serviceAddresses.Set(ctx, addr, s.Id); err != nil {
		return err
	}
	return k.services.Set(ctx, s.Id, s)
}

// createServiceAccount makes sure the service's derived address has an
// account, so it can hold restaked tokens.
func (k *Keeper) createServiceAccount(ctx context.Context, id uint32) {
	addr := types.ServiceAddress(id)
	if !k.accountKeeper.HasAccount(ctx, addr) {
		k.accountKeeper.SetAccount(ctx, k.accountKeeper.NewAccountWithAddress(ctx, addr))
	}
}

// removeService deletes a service with its params and address index.
func (k *Keeper) removeService(ctx context.Context, id uint32) error {
	if err := k.serviceParams.Remove(ctx, id); err != nil {
		return err
	}
	if err := k.serviceAddresses.Remove(ctx, types.ServiceAddress(id)); err != nil {
		return err
	}
	return k.services.Remove(ctx, id)
}

// IterateServices calls fn for each service until it returns true.
func (k *Keeper) IterateServices(ctx context.Context, fn func(types.Service) (stop bool, err error)) error {
	return k.services.Walk(ctx, nil, func(_ uint32, s types.Service) (bool, error) { return fn(s) })
}

// DeactivateServiceForEmptyAllowList deactivates an ACTIVE service whose
// operator allowlist lost its last member (the operator was deleted): an
// empty list means "open to all", which the service never chose. Called by
// x/restaking; a no-op for services that are not active.
func (k *Keeper) DeactivateServiceForEmptyAllowList(ctx context.Context, id uint32) error {
	service, err := k.GetService(ctx, id)
	if err != nil || !service.IsActive() {
		return err
	}
	service.Status = types.SERVICE_STATUS_INACTIVE
	if err := k.saveService(ctx, service); err != nil {
		return err
	}
	if err := k.hooksOrNoop().AfterServiceDeactivated(ctx, id); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventDeactivateService{ServiceId: id})
}

// setAccreditation is MsgAccreditService and MsgRevokeServiceAccreditation:
// governance sets the flag, and setting it to what it is fails.
func (ms msgServer) setAccreditation(ctx context.Context, signer string, serviceID uint32, accredited bool) error {
	if err := access.RequireGov(ms.authority, signer); err != nil {
		return err
	}
	service, err := ms.GetService(ctx, serviceID)
	if err != nil {
		return err
	}
	if service.Accredited == accredited {
		return errorsmod.Wrapf(types.ErrAccreditationUnchanged, "service %d accredited=%t", serviceID, accredited)
	}
	service.Accredited = accredited
	if err := ms.saveService(ctx, service); err != nil {
		return err
	}
	if err := ms.hooksOrNoop().AfterServiceAccreditationModified(ctx, serviceID); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSetServiceAccreditation{ServiceId: serviceID, Accredited: accredited})
}
