package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/pools/types"
)

// GetPool returns a pool by id or ErrPoolNotFound.
func (k *Keeper) GetPool(ctx context.Context, id uint32) (types.Pool, error) {
	p, err := k.pools.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Pool{}, errorsmod.Wrapf(types.ErrPoolNotFound, "pool %d", id)
	}
	return p, err
}

// GetPoolByDenom returns the pool of denom (one index read) or ErrPoolNotFound.
func (k *Keeper) GetPoolByDenom(ctx context.Context, denom string) (types.Pool, error) {
	id, err := k.pools.Indexes.Denom.MatchExact(ctx, denom)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Pool{}, errorsmod.Wrapf(types.ErrPoolNotFound, "no pool for denom %s", denom)
	}
	if err != nil {
		return types.Pool{}, err
	}
	return k.GetPool(ctx, id)
}

// IsPoolAddress tells whether addr is a pool's account.
func (k *Keeper) IsPoolAddress(ctx context.Context, addr sdk.AccAddress) (bool, error) {
	_, err := k.pools.Indexes.Address.MatchExact(ctx, addr)
	if errors.Is(err, collections.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// GetOrCreatePool returns the pool of denom, creating it (with its account,
// an event and the AfterPoolCreated hook) on the first delegation.
func (k *Keeper) GetOrCreatePool(ctx context.Context, denom string) (types.Pool, error) {
	pool, err := k.GetPoolByDenom(ctx, denom)
	if err == nil || !errors.Is(err, types.ErrPoolNotFound) {
		return pool, err
	}
	if err := sdk.ValidateDenom(denom); err != nil {
		return types.Pool{}, errorsmod.Wrap(types.ErrInvalidDenom, err.Error())
	}
	id, err := k.nextPoolID.Next(ctx)
	if err != nil {
		return types.Pool{}, err
	}
	pool = types.NewPool(uint32(id), denom)
	if err := k.savePool(ctx, pool); err != nil {
		return types.Pool{}, err
	}
	if k.hooks != nil {
		if err := k.hooks.AfterPoolCreated(ctx, pool.Id); err != nil {
			return types.Pool{}, err
		}
	}
	return pool, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventCreatePool{PoolId: pool.Id, Denom: denom})
}

// savePool stores a pool and makes sure its account exists.
func (k *Keeper) savePool(ctx context.Context, pool types.Pool) error {
	if err := k.pools.Set(ctx, pool.Id, pool); err != nil {
		return err
	}
	addr := types.PoolAddress(pool.Id)
	if !k.accountKeeper.HasAccount(ctx, addr) {
		k.accountKeeper.SetAccount(ctx, k.accountKeeper.NewAccountWithAddress(ctx, addr))
	}
	return nil
}

// IteratePools calls fn for each pool in id order until it returns true.
func (k *Keeper) IteratePools(ctx context.Context, fn func(types.Pool) (bool, error)) error {
	return k.pools.Walk(ctx, nil, func(_ uint32, p types.Pool) (bool, error) { return fn(p) })
}
