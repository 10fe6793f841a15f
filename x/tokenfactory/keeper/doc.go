// Package keeper owns x/tokenfactory's state: params and, per factory
// denom, its admin (indexed by creator). It creates factory/{creator}/
// {subdenom} denoms and lets their admin mint, burn, force transfer, set
// metadata and hand the denom over.
//
// It must not mint, burn or move a denom it did not create, and must not
// burn from or force-transfer out of an account another module keeps books
// for (the custody checks: pool, operator and service accounts).
// It reaches other modules only through the narrow interfaces of
// types/expected_keepers.go, never through their keeper packages.
package keeper
