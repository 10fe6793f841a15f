package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// OperatorsIndexes are the secondary indexes of the operators map.
type OperatorsIndexes struct {
	// Address: operator account address -> operator id (unique).
	Address *indexes.Unique[sdk.AccAddress, uint32, types.Operator]
}

// IndexesList implements collections.Indexes.
func (i OperatorsIndexes) IndexesList() []collections.Index[uint32, types.Operator] {
	return []collections.Index[uint32, types.Operator]{i.Address}
}

// Keeper owns operators, their params and the inactivation queue.
type Keeper struct {
	cdc           codec.BinaryCodec
	addressCodec  address.Codec
	communityPool types.CommunityPoolKeeper
	// authority may send MsgUpdateParams (the gov module account).
	authority string

	// hooks and deletionGuard are set after construction, once the modules
	// that implement them exist; both may stay nil.
	hooks         types.OperatorsHooks
	deletionGuard types.OperatorDeletionGuard
	// clock is the bounded time source (x/restaking's clock); nil means
	// the raw block time.
	clock types.Clock

	Schema collections.Schema
	// params: () -> Params
	params collections.Item[types.Params]
	// nextOperatorID: () -> id of the next registered operator
	nextOperatorID collections.Sequence
	// operators: operator id -> Operator, indexed by account address
	operators *collections.IndexedMap[uint32, types.Operator, OperatorsIndexes]
	// operatorParams: operator id -> OperatorParams
	operatorParams collections.Map[uint32, types.OperatorParams]
	// inactivationQueue: (completion time, operator id) -> nothing
	inactivationQueue collections.KeySet[collections.Pair[time.Time, uint32]]
	// inactivationEnd: operator id -> completion time (its queue key)
	inactivationEnd collections.Map[uint32, time.Time]
}

// NewKeeper builds the keeper and its collections schema. authority is the
// bech32 address allowed to update the params (the gov module account).
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService store.KVStoreService,
	accountKeeper types.AccountKeeper,
	communityPoolKeeper types.CommunityPoolKeeper,
	authority string,
) *Keeper {
	if _, err := accountKeeper.AddressCodec().StringToBytes(authority); err != nil {
		panic("operators: invalid authority address " + authority + ": " + err.Error())
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc:            cdc,
		addressCodec:   accountKeeper.AddressCodec(),
		communityPool:  communityPoolKeeper,
		authority:      authority,
		params:         collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		nextOperatorID: collections.NewSequence(sb, types.NextOperatorIDKey, "next_operator_id"),
		operators: collections.NewIndexedMap(sb, types.OperatorsPrefix, "operators",
			collections.Uint32Key, codec.CollValue[types.Operator](cdc),
			OperatorsIndexes{
				Address: indexes.NewUnique(sb, types.OperatorAddressIndexPrefix, "operators_by_address",
					sdk.AccAddressKey, collections.Uint32Key,
					func(id uint32, _ types.Operator) (sdk.AccAddress, error) { return types.OperatorAddress(id), nil }),
			}),
		operatorParams: collections.NewMap(sb, types.OperatorParamsPrefix, "operators_params",
			collections.Uint32Key, codec.CollValue[types.OperatorParams](cdc)),
		// sdk.TimeKey encodes times as fixed-width sortable bytes, so the
		// queue iterates in completion order. (collections v0.4 has no time
		// codec of its own.)
		inactivationQueue: collections.NewKeySet(sb, types.InactivationQueuePrefix, "inactivation_queue",
			collections.PairKeyCodec(sdk.TimeKey, collections.Uint32Key)),
		inactivationEnd: collections.NewMap(sb, types.InactivationEndPrefix, "inactivation_end",
			collections.Uint32Key, collcodec.KeyToValueCodec(sdk.TimeKey)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// SetHooks sets the hooks; it panics if called twice so that one module
// cannot silently replace another's hooks (combine them with
// types.NewMultiOperatorsHooks).
func (k *Keeper) SetHooks(h types.OperatorsHooks) *Keeper {
	if k.hooks != nil {
		panic("operators: hooks already set")
	}
	k.hooks = h
	return k
}

// SetDeletionGuard sets the guard consulted before deleting an operator; it
// panics if called twice. Without a guard every INACTIVE operator may be
// deleted.
func (k *Keeper) SetDeletionGuard(g types.OperatorDeletionGuard) *Keeper {
	if k.deletionGuard != nil {
		panic("operators: deletion guard already set")
	}
	k.deletionGuard = g
	return k
}

// SetClock makes the keeper read time from clock instead of the raw block
// time, so a sequencer clock jump cannot complete inactivations or unlock
// commission changes early.
func (k *Keeper) SetClock(c types.Clock) *Keeper {
	k.clock = c
	return k
}

// now is the time every time rule of the module reads.
func (k *Keeper) now(ctx context.Context) (time.Time, error) {
	if k.clock == nil {
		return sdk.UnwrapSDKContext(ctx).BlockTime().UTC(), nil
	}
	t, err := k.clock.Now(ctx)
	return t.UTC(), err
}

// Authority returns the address allowed to update the params.
func (k *Keeper) Authority() string { return k.authority }

// AddressCodec returns the account address codec.
func (k *Keeper) AddressCodec() address.Codec { return k.addressCodec }
