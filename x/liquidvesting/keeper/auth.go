package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// requireMinter loads the params and checks signer is a minter.
func (k *Keeper) requireMinter(ctx context.Context, signer string) (types.Params, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return params, err
	}
	if !params.IsMinter(signer) {
		return params, errorsmod.Wrapf(types.ErrNotMinter, "%s", signer)
	}
	return params, nil
}

// requireBurner loads the params and checks signer is a burner.
func (k *Keeper) requireBurner(ctx context.Context, signer string) (types.Params, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return params, err
	}
	if !params.IsBurner(signer) {
		return params, errorsmod.Wrapf(types.ErrNotBurner, "%s", signer)
	}
	return params, nil
}
