// Package keeper owns x/pools' state: one Pool per denom (indexed by denom
// and by account address) and the next id. A pool is created on the first
// delegation of its denom (GetOrCreatePool, called by x/restaking); there
// are no Msgs.
//
// It must not hold shares or stake: those live in x/restaking.
// It reaches other modules only through the narrow interfaces of
// types/expected_keepers.go, never through their keeper packages.
package keeper
