package types

import (
	"cosmossdk.io/collections"
)

const (
	// ModuleName is the tokenfactory module's name; its module account
	// mints and burns factory denoms.
	ModuleName = "tokenfactory"
	// StoreKey is its store key.
	StoreKey = ModuleName
)

var (
	// ParamsKey: () -> Params
	ParamsKey = collections.NewPrefix(1)
	// DenomsKey: factory denom -> DenomAuthorityMetadata
	DenomsKey = collections.NewPrefix(2)
	// DenomsByCreatorKey: (creator, denom) -> () (the multi index behind
	// the DenomsFromCreator query, kept by the IndexedMap on every write)
	DenomsByCreatorKey = collections.NewPrefix(3)
)
