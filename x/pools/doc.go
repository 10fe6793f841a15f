// Package pools is the registry of restaking pools: one per denom, created
// on the first delegation of that denom. See README.md.
package pools
