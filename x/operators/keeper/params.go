package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// GetParams returns the module parameters.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.params.Get(ctx)
}

// SetParams validates and stores the module parameters.
func (k *Keeper) SetParams(ctx context.Context, p types.Params) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return k.params.Set(ctx, p)
}
