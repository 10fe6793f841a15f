// Package keeper owns x/services' state: services, their params
// (allowed denoms), the account -> service index and the next id. It runs
// the service life cycle (create, update, activate, deactivate, delete,
// transfer ownership, accreditation) and calls the hooks and deletion
// guard other modules install.
//
// It must not hold stake or decide slashing: delegations to a service live
// in x/restaking, rules in x/slashing.
// It reaches other modules only through the narrow interfaces of
// types/expected_keepers.go, never through their keeper packages.
package keeper
