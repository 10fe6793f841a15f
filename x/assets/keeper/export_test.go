package keeper

import (
	"context"

	"cosmossdk.io/collections"
)

// TickerIndex lists the raw (ticker, denom) entries of the ticker index, in
// store order, so tests can check that it matches the assets exactly.
func (k *Keeper) TickerIndex(ctx context.Context) ([][2]string, error) {
	var entries [][2]string
	err := k.tickerIndex.Walk(ctx, nil, func(key collections.Pair[string, string]) (bool, error) {
		entries = append(entries, [2]string{key.K1(), key.K2()})
		return false, nil
	})
	return entries, err
}
