package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/prices/types"
)

// GetPrice aggregates a ticker's posts: the median of those not older than
// max_price_age on the clock. With no fresh post the price is stale and
// zero, never an old number. Cost: one prefix scan bounded by the feeders.
func (k *Keeper) GetPrice(ctx context.Context, ticker string) (types.AggregatedPrice, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return types.AggregatedPrice{}, err
	}
	now, err := k.now(ctx)
	if err != nil {
		return types.AggregatedPrice{}, err
	}
	agg := types.AggregatedPrice{Ticker: ticker, Price: sdkmath.LegacyZeroDec()}
	var fresh []sdkmath.LegacyDec
	found := false
	err = k.posts.Walk(ctx, collections.NewPrefixedPairRange[string, string](ticker),
		func(_ collections.Pair[string, string], post types.PricePost) (bool, error) {
			found = true
			if post.Time.After(agg.Newest) {
				agg.Newest = post.Time
			}
			// Only posts by current feeders count: removing a feeder
			// removes its influence at once.
			if params.IsFeeder(post.Feeder) && now.Sub(post.Time) <= params.MaxPriceAge {
				fresh = append(fresh, post.Price)
			}
			return false, nil
		})
	if err != nil {
		return agg, err
	}
	if !found {
		return agg, errorsmod.Wrapf(types.ErrPriceNotFound, "%s", ticker)
	}
	agg.FreshPosts = uint32(len(fresh))
	if len(fresh) == 0 {
		agg.Stale = true
		return agg, nil
	}
	agg.Price = types.Median(fresh)
	return agg, nil
}

// USDValue values coins: price × amount / 10^exponent per registered
// asset. An unregistered denom or a ticker without any price counts as
// zero; a stale price counts as zero and emits EventStalePrice. It
// implements x/restaking's PriceSource.
func (k *Keeper) USDValue(ctx context.Context, coins sdk.Coins) (sdkmath.LegacyDec, error) {
	total := sdkmath.LegacyZeroDec()
	for _, c := range coins {
		asset, found, err := k.assets.AssetOf(ctx, c.Denom)
		if err != nil {
			return total, err
		}
		if !found {
			continue
		}
		price, err := k.GetPrice(ctx, asset.Ticker)
		if errorsmod.IsOf(err, types.ErrPriceNotFound) {
			continue
		}
		if err != nil {
			return total, err
		}
		if price.Stale {
			err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventStalePrice{Ticker: asset.Ticker, NewestPost: price.Newest})
			if err != nil {
				return total, err
			}
			continue
		}
		scale := sdkmath.LegacyNewDecFromInt(sdkmath.NewIntWithDecimal(1, int(asset.Exponent)))
		total = total.Add(price.Price.MulInt(c.Amount).Quo(scale))
	}
	return total, nil
}
