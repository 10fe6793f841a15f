package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
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

// TargetUserKey is (target, user): a target's users are one prefix.
type TargetUserKey = collections.Pair[TargetKey, sdk.AccAddress]

var (
	idPair             = collections.PairKeyCodec(collections.Uint32Key, collections.Uint32Key)
	targetKeyCodec     = collections.PairKeyCodec(collections.Int32Key, collections.Uint32Key)
	delegationKeyCodec = collections.PairKeyCodec(sdk.AccAddressKey, targetKeyCodec)
	targetUserKeyCodec = collections.PairKeyCodec(targetKeyCodec, sdk.AccAddressKey)
)

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
	// delegations: (user, (type, target)) -> Delegation
	delegations collections.Map[DelegationKey, types.Delegation]
	// delegationsByTarget: ((type, target), user) -> () reverse index
	delegationsByTarget collections.KeySet[TargetUserKey]
	// targetStakes: (type, target, denom) -> DenomStake
	targetStakes collections.Map[collections.Triple[int32, uint32, string], types.DenomStake]
	// unbondings: (user, (type, target)) -> UnbondingDelegation
	unbondings collections.Map[DelegationKey, types.UnbondingDelegation]
	// unbondingQueue: (completion time, (user, (type, target))) -> ()
	unbondingQueue collections.KeySet[collections.Pair[time.Time, DelegationKey]]
	// targetUnbondings: ((type, target), user) -> () users unbonding from a target
	targetUnbondings collections.KeySet[TargetUserKey]
	// nextUnbondingID: () -> next unbonding id
	nextUnbondingID collections.Sequence
	// clock: () -> restaking clock, the bounded block time
	clock collections.Item[time.Time]
	// totalRestaked: denom -> tokens restaked across all targets
	totalRestaked collections.Map[string, sdkmath.Int]
	// operatorJoinedServices: (operator, service) -> ()
	operatorJoinedServices collections.KeySet[collections.Pair[uint32, uint32]]
	// serviceOperators: (service, operator) -> () reverse index
	serviceOperators collections.KeySet[collections.Pair[uint32, uint32]]
	// serviceAllowList: (service, operator) -> ()
	serviceAllowList collections.KeySet[collections.Pair[uint32, uint32]]
	// operatorAllowedIn: (operator, service) -> () reverse index
	operatorAllowedIn collections.KeySet[collections.Pair[uint32, uint32]]
	// serviceSecuringPools: (service, pool) -> ()
	serviceSecuringPools collections.KeySet[collections.Pair[uint32, uint32]]
	// userPreferences: user -> UserPreferences
	userPreferences collections.Map[sdk.AccAddress, types.UserPreferences]
}

// NewKeeper builds the keeper. authority is the gov module account.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, bank types.BankKeeper,
	pools types.PoolsKeeper, operators types.OperatorsKeeper, services types.ServicesKeeper, authority string,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc: cdc, bank: bank, pools: pools, operators: operators, services: services, authority: authority,
		params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		delegations: collections.NewMap(sb, types.DelegationsKey, "delegations", delegationKeyCodec,
			codec.CollValue[types.Delegation](cdc)),
		delegationsByTarget: collections.NewKeySet(sb, types.DelegationsByTargetKey, "delegations_by_target", targetUserKeyCodec),
		targetStakes: collections.NewMap(sb, types.TargetStakesKey, "target_stakes",
			collections.TripleKeyCodec(collections.Int32Key, collections.Uint32Key, collections.StringKey),
			codec.CollValue[types.DenomStake](cdc)),
		unbondings: collections.NewMap(sb, types.UnbondingDelegationsKey, "unbondings", delegationKeyCodec,
			codec.CollValue[types.UnbondingDelegation](cdc)),
		unbondingQueue: collections.NewKeySet(sb, types.UnbondingQueueKey, "unbonding_queue",
			collections.PairKeyCodec(sdk.TimeKey, delegationKeyCodec)),
		targetUnbondings:       collections.NewKeySet(sb, types.TargetUnbondingsKey, "target_unbondings", targetUserKeyCodec),
		nextUnbondingID:        collections.NewSequence(sb, types.NextUnbondingIDKey, "next_unbonding_id"),
		clock:                  collections.NewItem(sb, types.ClockKey, "clock", collcodec.KeyToValueCodec(sdk.TimeKey)),
		totalRestaked:          collections.NewMap(sb, types.TotalRestakedKey, "total_restaked", collections.StringKey, sdk.IntValue),
		operatorJoinedServices: collections.NewKeySet(sb, types.OperatorJoinedServicesKey, "operator_joined_services", idPair),
		serviceOperators:       collections.NewKeySet(sb, types.ServiceOperatorsKey, "service_operators", idPair),
		serviceAllowList:       collections.NewKeySet(sb, types.ServiceAllowListKey, "service_allow_list", idPair),
		operatorAllowedIn:      collections.NewKeySet(sb, types.OperatorAllowedInKey, "operator_allowed_in", idPair),
		serviceSecuringPools:   collections.NewKeySet(sb, types.ServiceSecuringPoolsKey, "service_securing_pools", idPair),
		userPreferences: collections.NewMap(sb, types.UserPreferencesKey, "user_preferences", sdk.AccAddressKey,
			codec.CollValue[types.UserPreferences](cdc)),
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

func targetUserKey(t types.DelegationType, id uint32, user sdk.AccAddress) TargetUserKey {
	return collections.Join(targetKey(t, id), user)
}

func stakeKey(t types.DelegationType, id uint32, denom string) collections.Triple[int32, uint32, string] {
	return collections.Join3(int32(t), id, denom)
}
