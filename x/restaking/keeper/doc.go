// Package keeper owns x/restaking's state: delegations and their per-denom
// shares for all three targets (pool, operator, service), target stakes,
// the unbonding queue, the restaking clock, operator joins, service
// allowlists, pool borrows, user preferences and caps. Every delegation, to
// any target, goes through Delegate in delegation.go, parameterised by
// Target; every undelegation (forced ones from x/liquidvesting included)
// goes through the unbonding queue; slashes asked by x/slashing take stake
// and unbondings in slash.go.
//
// It must not keep a second path per target, and must not decide who may
// be slashed: x/slashing does.
// It reaches other modules only through the narrow interfaces of
// types/expected_keepers.go, never through their keeper packages.
package keeper
