// Package keeper owns x/prices' state: params (feeders, max age) and the
// latest post per (ticker, feeder). It values coins in USD with the median
// of the fresh posts, using x/assets for each denom's ticker and exponent.
//
// It must not value a denom with a stale price: a denom with no registered
// asset, no price or only a stale one is worth zero (a stale price also
// emits EventStalePrice), so a cap never counts an old price.
// It reaches other modules only through the narrow interfaces of
// types/expected_keepers.go, never through their keeper packages.
package keeper
