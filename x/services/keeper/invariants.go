package keeper

import (
	"context"
	"fmt"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// ValidServicesInvariant checks that every stored service is valid, below
// the next id, indexed by its address, and that params belong to services.
// It returns a description of the first broken rule, or "" and false.
func (k *Keeper) ValidServicesInvariant(ctx context.Context) (string, bool) {
	next, err := k.nextServiceID.Peek(ctx)
	if err != nil {
		return err.Error(), true
	}
	var msg string
	_ = k.services.Walk(ctx, nil, func(id uint32, s types.Service) (bool, error) {
		switch {
		case s.Id != id:
			msg = fmt.Sprintf("service stored under %d has id %d", id, s.Id)
		case s.Validate() != nil:
			msg = fmt.Sprintf("service %d invalid: %s", id, s.Validate())
		case uint64(id) >= next:
			msg = fmt.Sprintf("service %d is not below next id %d", id, next)
		default:
			if indexed, err := k.serviceAddresses.Get(ctx, types.ServiceAddress(id)); err != nil || indexed != id {
				msg = fmt.Sprintf("service %d address not indexed", id)
			}
		}
		return msg != "", nil
	})
	if msg != "" {
		return msg, true
	}
	_ = k.serviceParams.Walk(ctx, nil, func(id uint32, _ types.ServiceParams) (bool, error) {
		if ok, _ := k.services.Has(ctx, id); !ok {
			msg = fmt.Sprintf("params stored for missing service %d", id)
		}
		return msg != "", nil
	})
	return msg, msg != ""
}
