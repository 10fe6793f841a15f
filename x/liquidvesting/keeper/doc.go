// Package keeper owns x/liquidvesting's state: params (minters, burners,
// insurance percentage, allowed channels), per-user insurance funds and the
// pending burns its EndBlock completes. It mints and burns locked/{denom}
// representations, takes insurance deposits arriving over IBC, and installs
// the bank send restriction and the restaking restriction that keep locked
// tokens on restaking paths and covered by the fund.
//
// It must not pay a slash out of an insurance fund, and undelegates only
// through x/restaking's unbonding queue (UndelegateFrom), never around it.
// It reaches other modules only through the narrow interfaces of
// types/expected_keepers.go, never through their keeper packages.
package keeper
