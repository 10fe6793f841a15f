package keeper

import (
	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// Keeper stores the chain's sequencer. It never changes the validator set
// after genesis: rollkit halts on any validator update.
type Keeper struct {
	cdc    codec.BinaryCodec
	Schema collections.Schema

	// sequencer: () -> Sequencer
	sequencer collections.Item[types.Sequencer]
	// forcedInclusion: () -> ForcedInclusion, the lane's rules (genesis)
	forcedInclusion collections.Item[types.ForcedInclusion]
}

// NewKeeper builds the keeper and its collections schema.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService) Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := Keeper{
		cdc:       cdc,
		sequencer: collections.NewItem(sb, types.SequencerKey, "sequencer", codec.CollValue[types.Sequencer](cdc)),
		forcedInclusion: collections.NewItem(sb, types.ForcedInclusionKey, "forced_inclusion",
			codec.CollValue[types.ForcedInclusion](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}
