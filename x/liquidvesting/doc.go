// Package liquidvesting lets locked (vesting) tokens be restaked as
// locked/{denom} representations, backed by per-user insurance funds
// deposited over IBC. See README.md.
package liquidvesting
