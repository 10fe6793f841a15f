package keeper

import (
	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

// Keeper is the asset registry: which ticker a denom is priced under and
// its exponent. Governance writes it; x/prices reads it.
type Keeper struct {
	authority string
	// denomTraces is the transfer module's record of voucher origins, for
	// queries only (see SetDenomTraceReader); nil until set.
	denomTraces types.DenomTraceReader

	Schema collections.Schema
	// assets: denom -> Asset
	assets collections.Map[string, types.Asset]
	// tickerIndex: (ticker, denom) -> () ; one entry per asset, so the
	// denoms of a ticker are one prefix scan
	tickerIndex collections.KeySet[collections.Pair[string, string]]
}

// NewKeeper builds the keeper. authority is the gov module account.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, authority string) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		authority: authority,
		assets:    collections.NewMap(sb, types.AssetsKey, "assets", collections.StringKey, codec.CollValue[types.Asset](cdc)),
		tickerIndex: collections.NewKeySet(sb, types.TickerIndexKey, "ticker_index",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority returns the module's governance authority.
func (k *Keeper) Authority() string { return k.authority }
