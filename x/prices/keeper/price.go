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
		price, err := k.DenomPrice(ctx, c.Denom)
		if err != nil {
			return total, err
		}
		total = total.Add(price.ValueOf(c.Amount))
	}
	return total, nil
}

// DenomPrice is the USD price of one whole unit of denom (10^exponent base
// units), zero when the denom is unregistered, has no price or the price is
// stale (then EventStalePrice is emitted). Callers that value many amounts
// of one denom in a block look it up once.
func (k *Keeper) DenomPrice(ctx context.Context, denom string) (types.DenomPrice, error) {
	zero := types.DenomPrice{Price: sdkmath.LegacyZeroDec(), Scale: sdkmath.OneInt()}
	asset, found, err := k.assets.AssetOf(ctx, denom)
	if err != nil || !found {
		return zero, err
	}
	price, err := k.GetPrice(ctx, asset.Ticker)
	if errorsmod.IsOf(err, types.ErrPriceNotFound) {
		return zero, nil
	}
	if err != nil {
		return zero, err
	}
	if price.Stale {
		return zero, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventStalePrice{Ticker: asset.Ticker, NewestPost: price.Newest})
	}
	return types.DenomPrice{Price: price.Price, Scale: sdkmath.NewIntWithDecimal(1, int(asset.Exponent))}, nil
}
