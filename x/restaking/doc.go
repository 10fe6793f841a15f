// Package restaking is the restaking state machine: users restake to
// pools, operators and services through one delegation path, with
// per-denom shares and an unbonding queue. See README.md.
package restaking
