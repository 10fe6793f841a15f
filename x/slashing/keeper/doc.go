// Package keeper owns x/slashing's state: each service's slasher and rules,
// operators' task keys, slashes (pending, executed, vetoed; the store
// indexes the pending ones by operator and service) and the pending
// queue, the evidence seen, jails, the sequencing service and dust. It
// verifies evidence on chain, queues a pending slash for its
// veto window and executes it at EndBlock by taking stake through
// x/restaking.
//
// It must not reduce stake itself (x/restaking does, as
// docs/adr/002-slashing-attribution.md says) and must not execute a slash
// before its veto window closes.
// It reaches other modules only through the narrow interfaces of
// types/expected_keepers.go, never through their keeper packages.
package keeper
