package types

import (
	"context"
	"time"
)

// Asset is what valuation needs of a registered asset.
type Asset struct {
	Ticker   string
	Exponent uint32
}

// AssetsKeeper resolves a denom to its ticker and exponent; found is false
// for an unregistered denom (valued at zero).
type AssetsKeeper interface {
	AssetOf(ctx context.Context, denom string) (asset Asset, found bool, err error)
}

// Clock is the bounded time source (x/restaking's clock).
type Clock interface {
	Now(ctx context.Context) (time.Time, error)
}
