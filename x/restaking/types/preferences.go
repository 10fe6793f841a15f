package types

import (
	errorsmod "cosmossdk.io/errors"
)

// MaxTrustedServices bounds the preferences a user stores.
const MaxTrustedServices = 100

// Validate checks ids are positive and not repeated.
func (p UserPreferences) Validate() error {
	if len(p.TrustedServices) > MaxTrustedServices {
		return errorsmod.Wrapf(ErrInvalidPreferences, "at most %d trusted services", MaxTrustedServices)
	}
	services := map[uint32]bool{}
	for _, e := range p.TrustedServices {
		if e.ServiceId == 0 || services[e.ServiceId] {
			return errorsmod.Wrapf(ErrInvalidPreferences, "service id %d is zero or repeated", e.ServiceId)
		}
		services[e.ServiceId] = true
		pools := map[uint32]bool{}
		for _, id := range e.PoolIds {
			if id == 0 || pools[id] {
				return errorsmod.Wrapf(ErrInvalidPreferences, "pool id %d for service %d is zero or repeated", id, e.ServiceId)
			}
			pools[id] = true
		}
	}
	return nil
}

// TrustsService tells whether the user lets serviceID use its stake in poolID.
func (p UserPreferences) TrustsService(serviceID, poolID uint32) bool {
	for _, e := range p.TrustedServices {
		if e.ServiceId != serviceID {
			continue
		}
		if len(e.PoolIds) == 0 {
			return true
		}
		for _, id := range e.PoolIds {
			if id == poolID {
				return true
			}
		}
	}
	return false
}
