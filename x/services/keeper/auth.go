package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// requireServiceAdmin loads the service and checks that signer is its
// admin. Every admin Msg goes through here.
func (k *Keeper) requireServiceAdmin(ctx context.Context, serviceID uint32, signer string) (types.Service, error) {
	s, err := k.GetService(ctx, serviceID)
	if err != nil {
		return types.Service{}, err
	}
	if err := access.RequireAdmin(s.Admin, signer, "service %d", serviceID); err != nil {
		return types.Service{}, err
	}
	return s, nil
}
