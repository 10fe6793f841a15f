package keeper

import (
	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// Keeper owns services: their metadata, status and per-service params.
// Stake accounting lives in x/restaking.
type Keeper struct {
	cdc           codec.BinaryCodec
	accountKeeper types.AccountKeeper
	communityPool types.CommunityPoolKeeper
	authority     string

	hooks         types.ServicesHooks
	deletionGuard types.ServiceDeletionGuard

	Schema collections.Schema
	// params: () -> Params
	params collections.Item[types.Params]
	// nextServiceID: () -> id the next service gets
	nextServiceID collections.Sequence
	// services: service id -> Service
	services collections.Map[uint32, types.Service]
	// serviceParams: service id -> ServiceParams
	serviceParams collections.Map[uint32, types.ServiceParams]
	// serviceAddresses: service account -> service id
	serviceAddresses collections.Map[sdk.AccAddress, uint32]
}

// NewKeeper builds the keeper. authority is the gov module account.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, accountKeeper types.AccountKeeper,
	communityPool types.CommunityPoolKeeper, authority string,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc:              cdc,
		accountKeeper:    accountKeeper,
		communityPool:    communityPool,
		authority:        authority,
		params:           collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		nextServiceID:    collections.NewSequence(sb, types.NextServiceIDKey, "next_service_id"),
		services:         collections.NewMap(sb, types.ServicesKey, "services", collections.Uint32Key, codec.CollValue[types.Service](cdc)),
		serviceParams:    collections.NewMap(sb, types.ServiceParamsKey, "service_params", collections.Uint32Key, codec.CollValue[types.ServiceParams](cdc)),
		serviceAddresses: collections.NewMap(sb, types.ServiceAddressKey, "service_addresses", sdk.AccAddressKey, collections.Uint32Value),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// SetHooks sets the services hooks; it may be called once.
func (k *Keeper) SetHooks(h types.ServicesHooks) {
	if k.hooks != nil {
		panic("services hooks already set")
	}
	k.hooks = h
}

// SetDeletionGuard sets the module asked before a service is deleted.
func (k *Keeper) SetDeletionGuard(g types.ServiceDeletionGuard) { k.deletionGuard = g }

// Authority returns the module's governance authority.
func (k *Keeper) Authority() string { return k.authority }

func (k *Keeper) hooksOrNoop() types.ServicesHooks {
	if k.hooks == nil {
		return types.MultiServicesHooks{}
	}
	return k.hooks
}
