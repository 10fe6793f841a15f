package types

import (
	"fmt"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/address"
)

const (
	// ModuleName is the pools module's name.
	ModuleName = "pools"
	// StoreKey is its store key.
	StoreKey = ModuleName
)

var (
	// NextPoolIDKey: () -> next pool id (a Sequence)
	NextPoolIDKey = collections.NewPrefix(1)
	// PoolsKey: pool id -> Pool
	PoolsKey = collections.NewPrefix(2)
	// PoolsByDenomKey: denom -> pool id (unique index of PoolsKey)
	PoolsByDenomKey = collections.NewPrefix(3)
	// PoolsByAddressKey: pool account -> pool id (unique index of PoolsKey)
	PoolsByAddressKey = collections.NewPrefix(4)
)

// PoolAddress is the account of pool id, derived so nobody holds its key.
func PoolAddress(id uint32) sdk.AccAddress {
	return address.Module(ModuleName, []byte(fmt.Sprintf("pool-%d", id)))
}
