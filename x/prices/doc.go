// Package prices is the rollup-native price feed: governance names the
// feeders, feeders post TICKER/USD prices in transactions, and assets are
// valued with the median of the fresh posts. See README.md.
package prices
