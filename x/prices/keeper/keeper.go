package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/prices/types"
)

// Keeper keeps each feeder's latest USD price per ticker and values coins
// with the median of the fresh posts.
type Keeper struct {
	cdc       codec.BinaryCodec
	assets    types.AssetsKeeper
	clock     types.Clock
	authority string

	Schema collections.Schema
	// params: () -> Params
	params collections.Item[types.Params]
	// posts: (ticker, feeder) -> PricePost
	posts collections.Map[collections.Pair[string, string], types.PricePost]
}

// NewKeeper builds the keeper. authority is the gov module account.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, assets types.AssetsKeeper, authority string) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc: cdc, assets: assets, authority: authority,
		params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		posts: collections.NewMap(sb, types.PostsKey, "posts",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey), codec.CollValue[types.PricePost](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// SetClock makes freshness follow the bounded restaking clock: a sequencer
// clock jump can then neither age every price at once nor keep old ones
// fresh by going back.
func (k *Keeper) SetClock(c types.Clock) { k.clock = c }

func (k *Keeper) now(ctx context.Context) (time.Time, error) {
	if k.clock == nil {
		return sdk.UnwrapSDKContext(ctx).BlockTime(), nil
	}
	return k.clock.Now(ctx)
}

// GetParams returns the params.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.params.Get(ctx) }
