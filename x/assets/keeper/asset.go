package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

// GetAsset returns the asset of denom, or an error wrapping
// types.ErrAssetNotFound.
func (k *Keeper) GetAsset(ctx context.Context, denom string) (types.Asset, error) {
	a, err := k.assets.Get(ctx, denom)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Asset{}, errorsmod.Wrapf(types.ErrAssetNotFound, "denom %s", denom)
	}
	return a, err
}

// GetAssetsByTicker returns the assets quoted under ticker, by denom.
func (k *Keeper) GetAssetsByTicker(ctx context.Context, ticker string) ([]types.Asset, error) {
	var assets []types.Asset
	rng := collections.NewPrefixedPairRange[string, string](ticker)
	err := k.tickerIndex.Walk(ctx, rng, func(key collections.Pair[string, string]) (bool, error) {
		a, err := k.assets.Get(ctx, key.K2())
		if err != nil {
			return true, err
		}
		assets = append(assets, a)
		return false, nil
	})
	return assets, err
}

// IterateAssets calls fn for each asset, by denom, until it returns true.
func (k *Keeper) IterateAssets(ctx context.Context, fn func(types.Asset) (stop bool, err error)) error {
	return k.assets.Walk(ctx, nil, func(_ string, a types.Asset) (bool, error) { return fn(a) })
}

// saveAsset stores an asset, replacing the one of its denom, and keeps the
// ticker index in step: a re-registered denom leaves its old ticker.
func (k *Keeper) saveAsset(ctx context.Context, a types.Asset) error {
	old, err := k.assets.Get(ctx, a.Denom)
	switch {
	case err == nil:
		if err := k.tickerIndex.Remove(ctx, collections.Join(old.Ticker, old.Denom)); err != nil {
			return err
		}
	case !errors.Is(err, collections.ErrNotFound):
		return err
	}
	if err := k.tickerIndex.Set(ctx, collections.Join(a.Ticker, a.Denom)); err != nil {
		return err
	}
	return k.assets.Set(ctx, a.Denom, a)
}

// removeAsset deletes an existing asset and its ticker index entry.
func (k *Keeper) removeAsset(ctx context.Context, a types.Asset) error {
	if err := k.tickerIndex.Remove(ctx, collections.Join(a.Ticker, a.Denom)); err != nil {
		return err
	}
	return k.assets.Remove(ctx, a.Denom)
}
