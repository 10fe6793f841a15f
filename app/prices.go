package app

import (
	"context"
	"errors"

	assetskeeper "github.com/milkyway-labs/milkyway-rollup/x/assets/keeper"
	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	pricestypes "github.com/milkyway-labs/milkyway-rollup/x/prices/types"
)

// assetSource lets x/prices read x/assets without importing its keeper:
// an unregistered denom is "not found", valued at zero.
type assetSource struct{ k *assetskeeper.Keeper }

// AssetOf implements pricestypes.AssetsKeeper.
func (a assetSource) AssetOf(ctx context.Context, denom string) (pricestypes.Asset, bool, error) {
	asset, err := a.k.GetAsset(ctx, denom)
	if errors.Is(err, assetstypes.ErrAssetNotFound) {
		return pricestypes.Asset{}, false, nil
	}
	if err != nil {
		return pricestypes.Asset{}, false, err
	}
	return pricestypes.Asset{Ticker: asset.Ticker, Exponent: asset.Exponent}, true, nil
}
