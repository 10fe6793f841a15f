package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// GetConfig returns a service's slashing configuration as in force now:
// rules set with a delay count once their time has come. A service that
// set none has no rules (nothing can be slashed for it) and its admin as
// slasher.
func (k *Keeper) GetConfig(ctx context.Context, serviceID uint32) (types.ServiceSlashingConfig, error) {
	c, err := k.configs.Get(ctx, serviceID)
	if errors.Is(err, collections.ErrNotFound) {
		return types.ServiceSlashingConfig{ServiceId: serviceID}, nil
	}
	if err != nil {
		return c, err
	}
	now, err := k.restaking.Now(ctx)
	if err != nil {
		return c, err
	}
	return c.InForce(now), nil
}

// activeService loads a service evidence is submitted for: it must exist
// and be active (an inactive service secures nothing).
func (k *Keeper) activeService(ctx context.Context, serviceID uint32) (servicestypes.Service, error) {
	svc, err := k.services.GetService(ctx, serviceID)
	if err != nil {
		return svc, errorsmod.Wrapf(types.ErrServiceNotFound, "service %d", serviceID)
	}
	if !svc.IsActive() {
		return svc, errorsmod.Wrapf(types.ErrServiceNotActive, "service %d is %s", serviceID, svc.Status)
	}
	return svc, nil
}

// slasherOf is who signs attested faults for a service.
func (k *Keeper) slasherOf(ctx context.Context, svc servicestypes.Service) (string, error) {
	c, err := k.GetConfig(ctx, svc.Id)
	if err != nil || c.Slasher != "" {
		return c.Slasher, err
	}
	return svc.Admin, nil
}

// setConfig checks every rule against the governance bounds and schedules
// it: the new slasher and rules apply rules_activation_delay from now (at
// once when the delay is zero); until then the rules in force stay.
func (k *Keeper) setConfig(ctx context.Context, serviceID uint32, slasher string, rules []types.SlashingRule) (types.ServiceSlashingConfig, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return types.ServiceSlashingConfig{}, err
	}
	if err := types.ValidateRules(rules); err != nil {
		return types.ServiceSlashingConfig{}, err
	}
	for _, r := range rules {
		if err := r.CheckBounds(params); err != nil {
			return types.ServiceSlashingConfig{}, err
		}
	}
	current, err := k.GetConfig(ctx, serviceID) // promotes rules whose time came
	if err != nil {
		return current, err
	}
	now, err := k.restaking.Now(ctx)
	if err != nil {
		return current, err
	}
	c := current.Schedule(slasher, rules, now.Add(params.RulesActivationDelay), now)
	return c, k.configs.Set(ctx, serviceID, c)
}

// GetOperatorKey returns the task key an operator registered for a service.
func (k *Keeper) GetOperatorKey(ctx context.Context, operatorID, serviceID uint32) (types.OperatorKey, error) {
	key, err := k.operatorKeys.Get(ctx, collections.Join(operatorID, serviceID))
	if errors.Is(err, collections.ErrNotFound) {
		return key, errorsmod.Wrapf(types.ErrKeyNotFound, "operator %d has no key for service %d", operatorID, serviceID)
	}
	return key, err
}
