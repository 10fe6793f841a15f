package types

import (
	"strconv"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/address"
)

const (
	// ModuleName is the name of the operators module.
	ModuleName = "operators"
	// StoreKey is the KV store key of the operators module.
	StoreKey = ModuleName

	// DoNotModify in a MsgUpdateOperator field keeps the current value.
	DoNotModify = "[do-not-modify]"
)

// Collection prefixes. Each is one byte and never reused.
var (
	// ParamsKey: () -> Params
	ParamsKey = collections.NewPrefix(1)
	// NextOperatorIDKey: () -> uint64, the id the next registration gets
	NextOperatorIDKey = collections.NewPrefix(2)
	// OperatorsPrefix: operator id (uint32) -> Operator
	OperatorsPrefix = collections.NewPrefix(3)
	// OperatorAddressIndexPrefix: operator account address -> operator id
	// (unique index of OperatorsPrefix)
	OperatorAddressIndexPrefix = collections.NewPrefix(4)
	// OperatorParamsPrefix: operator id (uint32) -> OperatorParams
	OperatorParamsPrefix = collections.NewPrefix(5)
	// InactivationQueuePrefix: (completion time, operator id) -> nothing;
	// ordered by time so BeginBlock reads only matured entries
	InactivationQueuePrefix = collections.NewPrefix(6)
	// InactivationEndPrefix: operator id (uint32) -> completion time, so
	// a queue entry is found without a scan
	InactivationEndPrefix = collections.NewPrefix(7)
)

// OperatorAddress is the account an operator owns: derived from the module
// name and "operator-{id}", so nobody holds its key.
func OperatorAddress(operatorID uint32) sdk.AccAddress {
	return address.Module(ModuleName, []byte("operator-"+strconv.FormatUint(uint64(operatorID), 10)))
}

// ParseOperatorID parses a decimal operator id.
func ParseOperatorID(s string) (uint32, error) {
	id, err := strconv.ParseUint(s, 10, 32)
	if err != nil {
		return 0, ErrInvalidOperatorID.Wrapf("%q: %s", s, err)
	}
	return uint32(id), nil
}
