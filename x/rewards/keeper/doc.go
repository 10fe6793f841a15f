// Package keeper owns x/rewards' state: rewards plans and their escrow, the
// cumulative reward per share of every target and bucket, delegator
// snapshots, pool-service shares, outstanding rewards, operator commission,
// dust and withdraw addresses. BeginBlock allocates each plan's due to
// pools, operators and users; delegators collect lazily on withdrawal or
// when their delegation changes (target hooks from x/restaking).
//
// Allocation must not touch a delegator, and a plan must not pay more than
// the budget escrowed for it.
// It reaches other modules only through the narrow interfaces of
// types/expected_keepers.go, never through their keeper packages.
package keeper
