package keeper

import (
	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/store"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/pools/types"
)

// poolIndexes are unique secondary keys of the pools map: looking a pool up
// by denom or address is one read, never a scan.
type poolIndexes struct {
	Denom   *indexes.Unique[string, uint32, types.Pool]
	Address *indexes.Unique[sdk.AccAddress, uint32, types.Pool]
}

// IndexesList implements collections.Indexes.
func (i poolIndexes) IndexesList() []collections.Index[uint32, types.Pool] {
	return []collections.Index[uint32, types.Pool]{i.Denom, i.Address}
}

// Keeper is the registry of restaking pools, one per denom. Stake
// accounting lives in x/restaking.
type Keeper struct {
	accountKeeper types.AccountKeeper
	hooks         types.PoolsHooks

	Schema collections.Schema
	// nextPoolID: () -> id the next pool gets
	nextPoolID collections.Sequence
	// pools: pool id -> Pool, indexed by denom and by address
	pools *collections.IndexedMap[uint32, types.Pool, poolIndexes]
}

// NewKeeper builds the keeper.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, accountKeeper types.AccountKeeper) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	idx := poolIndexes{
		Denom: indexes.NewUnique(sb, types.PoolsByDenomKey, "pools_by_denom", collections.StringKey, collections.Uint32Key,
			func(_ uint32, p types.Pool) (string, error) { return p.Denom, nil }),
		Address: indexes.NewUnique(sb, types.PoolsByAddressKey, "pools_by_address", sdk.AccAddressKey, collections.Uint32Key,
			func(_ uint32, p types.Pool) (sdk.AccAddress, error) { return sdk.AccAddressFromBech32(p.Address) }),
	}
	k := &Keeper{
		accountKeeper: accountKeeper,
		nextPoolID:    collections.NewSequence(sb, types.NextPoolIDKey, "next_pool_id"),
		pools:         collections.NewIndexedMap(sb, types.PoolsKey, "pools", collections.Uint32Key, codec.CollValue[types.Pool](cdc), idx),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// SetHooks sets the pools hooks; it may be called once.
func (k *Keeper) SetHooks(h types.PoolsHooks) {
	if k.hooks != nil {
		panic("pools hooks already set")
	}
	k.hooks = h
}
