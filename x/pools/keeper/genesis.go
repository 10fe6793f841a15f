package keeper

import (
	"context"
	"fmt"

	"github.com/milkyway-labs/milkyway-rollup/x/pools/types"
)

// InitGenesis loads the pools. The genesis must be valid.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.nextPoolID.Set(ctx, uint64(gs.NextPoolId)); err != nil {
		return err
	}
	for _, p := range gs.Pools {
		if err := k.savePool(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis exports the pools.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	next, err := k.nextPoolID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{NextPoolId: uint32(next)}
	err = k.IteratePools(ctx, func(p types.Pool) (bool, error) {
		gs.Pools = append(gs.Pools, p)
		return false, nil
	})
	return gs, err
}

// ValidPoolsInvariant checks each pool is valid, below the next id and found
// by its denom index; the unique index itself guarantees one pool per denom.
func (k *Keeper) ValidPoolsInvariant(ctx context.Context) (string, bool) {
	next, err := k.nextPoolID.Peek(ctx)
	if err != nil {
		return err.Error(), true
	}
	var msg string
	_ = k.IteratePools(ctx, func(p types.Pool) (bool, error) {
		if err := p.Validate(); err != nil {
			msg = err.Error()
		} else if uint64(p.Id) >= next {
			msg = fmt.Sprintf("pool %d is not below next id %d", p.Id, next)
		} else if byDenom, err := k.GetPoolByDenom(ctx, p.Denom); err != nil || byDenom.Id != p.Id {
			msg = fmt.Sprintf("pool %d not indexed by denom %s", p.Id, p.Denom)
		}
		return msg != "", nil
	})
	return msg, msg != ""
}
