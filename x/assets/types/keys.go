package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the assets module's name.
	ModuleName = "assets"
	// StoreKey is its store key.
	StoreKey = ModuleName
)

var (
	// AssetsKey: denom -> Asset
	AssetsKey = collections.NewPrefix(1)
	// TickerIndexKey: (ticker, denom) -> () (the denoms quoted under a
	// ticker; kept in step with AssetsKey on every set and remove)
	TickerIndexKey = collections.NewPrefix(2)
)
