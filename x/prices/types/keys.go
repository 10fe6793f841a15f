package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the price feed module's name.
	ModuleName = "prices"
	// StoreKey is its store key.
	StoreKey = ModuleName
)

var (
	// ParamsKey: () -> Params
	ParamsKey = collections.NewPrefix(1)
	// PostsKey: (ticker, feeder) -> PricePost, each feeder's latest post;
	// a ticker's posts are one prefix scan, bounded by the feeder set.
	PostsKey = collections.NewPrefix(2)
)
