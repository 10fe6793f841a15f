package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/store"
	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// TargetKey is (delegation type, target id).
type TargetKey = collections.Pair[int32, uint32]

// DelegationKey is (user, target): a user's positions are one prefix.
type DelegationKey = collections.Pair[sdk.AccAddress, TargetKey]

// TargetUserKey is (target, user), the key of the by-target indexes: a
// target's users are one prefix.
type TargetUserKey = collections.Pair[TargetKey, sdk.AccAddress]

// IDPair is a (first id, second id) key: (operator, service),
// (service, operator) or (service, pool).
type IDPair = collections.Pair[uint32, uint32]

var (
	idPair             = collections.PairKeyCodec(collections.Uint32Key, collections.Uint32Key)
	targetKeyCodec     = collections.PairKeyCodec(collections.Int32Key, collections.Uint32Key)
	delegationKeyCodec = collections.PairKeyCodec(sdk.AccAddressKey, targetKeyCodec)
)

// byTarget indexes a map keyed (user, target) by (target, user), so a
// target's delegators (or unbonding users) are one prefix scan. The store
// keeps it with the map: every Set and Remove of the map writes it.
type byTarget[V any] struct {
	ByTarget *indexes.ReversePair[sdk.AccAddress, TargetKey, V]
}

// IndexesList implements collections.Indexes.
func (i byTarget[V]) IndexesList() []collections.Index[DelegationKey, V] {
	return []collections.Index[DelegationKey, V]{i.ByTarget}
}

func newByTarget[V any](sb *collections.SchemaBuilder, prefix collections.Prefix, name string) byTarget[V] {
	return byTarget[V]{ByTarget: indexes.NewReversePair[V](sb, prefix, name, delegationKeyCodec)}
}

// delegationIndexes are the delegations' by-target index and, for pool
// delegations in a trust class, their by-class index (the what-if query's
// walk over the members a slash reaches).
type delegationIndexes struct {
	byTarget[types.Delegation]
	ByClass *refIndex[uint64, DelegationKey, types.Delegation]
}

// IndexesList implements collections.Indexes.
func (i delegationIndexes) IndexesList() []collections.Index[DelegationKey, types.Delegation] {
	return []collections.Index[DelegationKey, types.Delegation]{i.ByTarget, i.ByClass}
}

func newDelegationIndexes(sb *collections.SchemaBuilder) delegationIndexes {
	return delegationIndexes{
		byTarget: newByTarget[types.Delegation](sb, types.DelegationsByTargetKey, "delegations_by_target"),
		ByClass: newRefIndex(sb, types.DelegationsByClassKey, "delegations_by_class", collections.Uint64Key, delegationKeyCodec,
			func(_ DelegationKey, d types.Delegation) []uint64 {
				if d.TrustClass == 0 {
					return nil
				}
				return []uint64{d.TrustClass}
			}),
	}
}

// reversed indexes a set of (a, b) id pairs by (b, a): joins by service,
// allowlists by operator. The store keeps it with the set.
type reversed struct {
	Reverse *indexes.ReversePair[uint32, uint32, collections.NoValue]
}

// IndexesList implements collections.Indexes.
func (i reversed) IndexesList() []collections.Index[IDPair, collections.NoValue] {
	return []collections.Index[IDPair, collections.NoValue]{i.Reverse}
}

// newIDPairSet is a key set of id pairs with its reverse index (a KeySet is
// a map to NoValue, so the bytes are those of collections.NewKeySet).
func newIDPairSet(sb *collections.SchemaBuilder, prefix collections.Prefix, name string,
	reversePrefix collections.Prefix, reverseName string,
) *collections.IndexedMap[IDPair, collections.NoValue, reversed] {
	return collections.NewIndexedMap(sb, prefix, name, idPair, collections.NoValue{},
		reversed{Reverse: indexes.NewReversePair[collections.NoValue](sb, reversePrefix, reverseName, idPair)})
}

// Keeper is the restaking state machine: delegations to pools, operators
// and services, their per-denom exchange rates, and unbondings.
type Keeper struct {
	cdc         codec.BinaryCodec
	bank        types.BankKeeper
	pools       types.PoolsKeeper
	operators   types.OperatorsKeeper
	services    types.ServicesKeeper
	authority   string
	hooks       types.RestakingHooks
	prices      types.PriceSource
	restriction types.RestakeRestriction
	opGuard     types.OperatorDelegationGuard
	trustGuard  types.TrustWithdrawalGuard

	Schema collections.Schema
	// params: () -> Params
	params collections.Item[types.Params]
	// delegations: (user, (type, target)) -> Delegation, indexed by
	// ((type, target), user) in Indexes.ByTarget and, for trust class
	// members, by (class, (user, (type, target))) in Indexes.ByClass
	delegations *collections.IndexedMap[DelegationKey, types.Delegation, delegationIndexes]
	// targetStakes: (type, target, denom) -> DenomStake
	targetStakes collections.Map[collections.Triple[int32, uint32, string], types.DenomStake]
	// unbondings: (user, (type, target)) -> UnbondingDelegation, indexed by
	// ((type, target), user) in Indexes.ByTarget (the deletion guard's and
	// slashing's users unbonding from a target)
	unbondings *collections.IndexedMap[DelegationKey, types.UnbondingDelegation, byTarget[types.UnbondingDelegation]]
	// unbondingQueue: (completion time, (user, (type, target))) -> ()
	unbondingQueue collections.KeySet[collections.Pair[time.Time, DelegationKey]]
	// nextUnbondingID: () -> next unbonding id
	nextUnbondingID collections.Sequence
	// clock: () -> restaking clock, the bounded block time
	clock collections.Item[time.Time]
	// totalRestaked: denom -> tokens restaked across all targets
	totalRestaked collections.Map[string, sdkmath.Int]
	// operatorJoinedServices: (operator, service) -> (), indexed by
	// (service, operator) in Indexes.Reverse
	operatorJoinedServices *collections.IndexedMap[IDPair, collections.NoValue, reversed]
	// serviceAllowList: (service, operator) -> (), indexed by
	// (operator, service) in Indexes.Reverse
	serviceAllowList *collections.IndexedMap[IDPair, collections.NoValue, reversed]
	// serviceSecuringPools: (service, pool) -> ()
	serviceSecuringPools collections.KeySet[IDPair]
	// userPreferences: user -> UserPreferences
	userPreferences collections.Map[sdk.AccAddress, types.UserPreferences]
	// trustClasses: class id -> TrustClass, indexed by ((pool, set key),
	// id) in Indexes.BySet and ((pool, service), id) in Indexes.ByService
	trustClasses *collections.IndexedMap[uint64, types.TrustClass, classIndexes]
	// classEvents: (class id, event) -> class factor after the event
	classEvents collections.Map[collections.Pair[uint64, uint64], sdkmath.LegacyDec]
	// nextTrustClassID: () -> next class id
	nextTrustClassID collections.Sequence
}

// NewKeeper builds the keeper. authority is the gov module account.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, bank types.BankKeeper,
	pools types.PoolsKeeper, operators types.OperatorsKeeper, services types.ServicesKeeper, authority string,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc: cdc, bank: bank, pools: pools, operators: operators, services: services, authority: authority,
		params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		delegations: collections.NewIndexedMap(sb, types.DelegationsKey, "delegations", delegationKeyCodec,
			codec.CollValue[types.Delegation](cdc), newDelegationIndexes(sb)),
		targetStakes: collections.NewMap(sb, types.TargetStakesKey, "target_stakes",
			collections.TripleKeyCodec(collections.Int32Key, collections.Uint32Key, collections.StringKey),
			codec.CollValue[types.DenomStake](cdc)),
		unbondings: collections.NewIndexedMap(sb, types.UnbondingDelegationsKey, "unbondings", delegationKeyCodec,
			codec.CollValue[types.UnbondingDelegation](cdc),
			newByTarget[types.UnbondingDelegation](sb, types.TargetUnbondingsKey, "target_unbondings")),
		unbondingQueue: collections.NewKeySet(sb, types.UnbondingQueueKey, "unbonding_queue",
			collections.PairKeyCodec(sdk.TimeKey, delegationKeyCodec)),
		nextUnbondingID: collections.NewSequence(sb, types.NextUnbondingIDKey, "next_unbonding_id"),
		clock:           collections.NewItem(sb, types.ClockKey, "clock", collcodec.KeyToValueCodec(sdk.TimeKey)),
		totalRestaked:   collections.NewMap(sb, types.TotalRestakedKey, "total_restaked", collections.StringKey, sdk.IntValue),
		operatorJoinedServices: newIDPairSet(sb, types.OperatorJoinedServicesKey, "operator_joined_services",
			types.ServiceOperatorsKey, "service_operators"),
		serviceAllowList: newIDPairSet(sb, types.ServiceAllowListKey, "service_allow_list",
			types.OperatorAllowedInKey, "operator_allowed_in"),
		serviceSecuringPools: collections.NewKeySet(sb, types.ServiceSecuringPoolsKey, "service_securing_pools", idPair),
		userPreferences: collections.NewMap(sb, types.UserPreferencesKey, "user_preferences", sdk.AccAddressKey,
			codec.CollValue[types.UserPreferences](cdc)),
		trustClasses: collections.NewIndexedMap(sb, types.TrustClassesKey, "trust_classes", collections.Uint64Key,
			codec.CollValue[types.TrustClass](cdc), newClassIndexes(sb)),
		classEvents: collections.NewMap(sb, types.TrustClassEventsKey, "trust_class_events",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), sdk.LegacyDecValue),
		nextTrustClassID: collections.NewSequence(sb, types.NextTrustClassIDKey, "next_trust_class_id"),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// SetHooks sets the restaking hooks; it may be called once.
func (k *Keeper) SetHooks(h types.RestakingHooks) {
	if k.hooks != nil {
		panic("restaking hooks already set")
	}
	k.hooks = h
}

// SetPriceSource wires the USD prices the restaking cap needs.
func (k *Keeper) SetPriceSource(p types.PriceSource) { k.prices = p }

// SetRestakeRestriction installs an extra check on every restake.
func (k *Keeper) SetRestakeRestriction(r types.RestakeRestriction) { k.restriction = r }

// SetOperatorDelegationGuard installs a check run before any delegation to
// an operator (x/slashing refuses jailed operators).
func (k *Keeper) SetOperatorDelegationGuard(g types.OperatorDelegationGuard) { k.opGuard = g }

// SetTrustWithdrawalGuard installs a check run before a user narrows its
// trust in a service (x/slashing refuses while the service has a slash
// pending, so trust cannot be pulled during a veto window).
func (k *Keeper) SetTrustWithdrawalGuard(g types.TrustWithdrawalGuard) { k.trustGuard = g }

// GetParams returns the params.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.params.Get(ctx) }

func targetKey(t types.DelegationType, id uint32) TargetKey { return collections.Join(int32(t), id) }

func delegationKey(user sdk.AccAddress, t types.DelegationType, id uint32) DelegationKey {
	return collections.Join(user, targetKey(t, id))
}

// targetPrefix ranges over one target's entries of a by-target index.
func targetPrefix(t types.DelegationType, id uint32) *collections.PairRange[TargetKey, sdk.AccAddress] {
	return collections.NewPrefixedPairRange[TargetKey, sdk.AccAddress](targetKey(t, id))
}

func stakeKey(t types.DelegationType, id uint32, denom string) collections.Triple[int32, uint32, string] {
	return collections.Join3(int32(t), id, denom)
}
