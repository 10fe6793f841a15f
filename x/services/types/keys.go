package types

import (
	"fmt"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/address"
)

const (
	// ModuleName is the services module's name.
	ModuleName = "services"
	// StoreKey is its store key.
	StoreKey = ModuleName

	// DoNotModify in an update Msg keeps the stored value of a field.
	DoNotModify = "[do-not-modify]"
)

var (
	// ParamsKey: () -> Params
	ParamsKey = collections.NewPrefix(1)
	// NextServiceIDKey: () -> next service id (a Sequence)
	NextServiceIDKey = collections.NewPrefix(2)
	// ServicesKey: service id -> Service
	ServicesKey = collections.NewPrefix(3)
	// ServiceParamsKey: service id -> ServiceParams
	ServiceParamsKey = collections.NewPrefix(4)
	// ServiceAddressKey: service account address -> service id (the
	// reverse index that tells whether an address belongs to a service)
	ServiceAddressKey = collections.NewPrefix(5)
)

// ServiceAddress is the account of service id: derived from the module
// name and the id, so nobody holds its private key.
func ServiceAddress(id uint32) sdk.AccAddress {
	return address.Module(ModuleName, []byte(fmt.Sprintf("service-%d", id)))
}
