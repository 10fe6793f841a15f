package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// requireServiceAdmin loads the service and checks that signer is its
// admin. Every admin Msg goes through here.
func (k *Keeper) requireServiceAdmin(ctx context.Context, serviceID uint32, signer string) (types.Service, error) {
	s, err := k.GetService(ctx, serviceID)
	if err != nil {
		return types.Service{}, err
	}
	if s.Admin != signer {
		return types.Service{}, errorsmod.Wrapf(types.ErrUnauthorized, "%s is not the admin of service %d", signer, serviceID)
	}
	return s, nil
}

// requireAuthority checks that signer is the governance authority.
func (k *Keeper) requireAuthority(signer string) error {
	if signer != k.authority {
		return errorsmod.Wrapf(govtypes.ErrInvalidSigner, "expected %s, got %s", k.authority, signer)
	}
	return nil
}
