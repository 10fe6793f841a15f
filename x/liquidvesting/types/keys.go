package types

import (
	"cosmossdk.io/collections"
)

const (
	// ModuleName is the liquidvesting module's name; its module account
	// holds the insurance funds and mints and burns locked tokens.
	ModuleName = "liquidvesting"
	// StoreKey is its store key.
	StoreKey = ModuleName
)

var (
	// ParamsKey: () -> Params
	ParamsKey = collections.NewPrefix(1)
	// InsuranceFundsKey: user -> UserInsuranceFund
	InsuranceFundsKey = collections.NewPrefix(2)
	// PendingBurnsKey: (completion time, user) -> PendingBurn, the locked
	// stake a burner force-unbonded, burned when its unbonding completes
	PendingBurnsKey = collections.NewPrefix(3)
)
