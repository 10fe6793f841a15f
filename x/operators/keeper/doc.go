// Package keeper owns x/operators' state: operators (indexed by account
// address), their commission params, the next id, and the inactivation
// queue its BeginBlock completes. It runs the operator life cycle
// (register, update, deactivate, reactivate, delete, transfer ownership)
// and calls the hooks and the deletion guard other modules install.
//
// It must not hold stake: delegations to an operator live in x/restaking,
// which the deletion guard consults before an operator is deleted.
// It reaches other modules only through the narrow interfaces of
// types/expected_keepers.go, never through their keeper packages.
package keeper
