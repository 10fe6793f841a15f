package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/core/store"
	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// TargetKey is (delegation type, target id).
type TargetKey = collections.Pair[int32, uint32]

// BucketID is (paying service or types.AllServices, stake denom).
type BucketID = collections.Pair[uint32, string]

// BucketKey is one reward accumulator: (target, bucket).
type BucketKey = collections.Pair[TargetKey, BucketID]

// SnapshotKey is one delegation's position in a bucket: ((user, target), bucket).
type SnapshotKey = collections.Pair[collections.Pair[sdk.AccAddress, TargetKey], BucketID]

var (
	targetKeyCodec = collections.PairKeyCodec(collections.Int32Key, collections.Uint32Key)
	bucketIDCodec  = collections.PairKeyCodec(collections.Uint32Key, collections.StringKey)
)

// Keeper runs rewards plans: escrowed budgets, allocation at block start,
// and lazy per-delegation payouts through cumulative reward-per-share
// ratios (F1-style: allocation touches targets, never delegators).
type Keeper struct {
	cdc       codec.BinaryCodec
	accounts  types.AccountKeeper
	bank      types.BankKeeper
	community types.CommunityPool
	services  types.ServicesKeeper
	operators types.OperatorsKeeper
	restaking types.RestakingKeeper
	prices    types.PriceSource
	jails     types.JailChecker
	authority string

	Schema collections.Schema
	// params: () -> Params
	params collections.Item[types.Params]
	// nextPlanID: () -> next plan id
	nextPlanID collections.Sequence
	// plans: id -> RewardsPlan
	plans collections.Map[uint64, types.RewardsPlan]
	// lastAllocation: () -> restaking clock at the last allocation
	lastAllocation collections.Item[time.Time]
	// rewardsPerShare: (target, bucket) -> cumulative reward per share
	rewardsPerShare collections.Map[BucketKey, types.DecCoinsRecord]
	// snapshots: ((user, target), bucket) -> ratio at the last settlement
	snapshots collections.Map[SnapshotKey, types.DecCoinsRecord]
	// poolServiceShares: (pool, service) -> shares trusting the service
	poolServiceShares collections.Map[collections.Pair[uint32, uint32], sdkmath.LegacyDec]
	// outstanding: target -> rewards its delegators can still withdraw
	outstanding collections.Map[TargetKey, types.DecCoinsRecord]
	// commission: operator -> accumulated commission
	commission collections.Map[uint32, types.DecCoinsRecord]
	// dust: () -> truncation remainders
	dust collections.Item[types.DecCoinsRecord]
	// withdrawAddrs: user -> withdraw address
	withdrawAddrs collections.Map[sdk.AccAddress, sdk.AccAddress]
	// classEventRatios: ((class, event), (service, denom)) -> the ratio of
	// bucket (class's pool, service, denom) at the class's slash event
	classEventRatios collections.Map[ClassEventKey, types.DecCoinsRecord]
}

// SetJailChecker wires x/slashing: jailed operators are not eligible for
// the plans of the service that jailed them.
func (k *Keeper) SetJailChecker(j types.JailChecker) { k.jails = j }

// NewKeeper builds the keeper. authority is the gov module account.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, accounts types.AccountKeeper,
	bank types.BankKeeper, community types.CommunityPool, services types.ServicesKeeper,
	operators types.OperatorsKeeper, restaking types.RestakingKeeper, prices types.PriceSource, authority string,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	record := codec.CollValue[types.DecCoinsRecord](cdc)
	k := &Keeper{
		cdc: cdc, accounts: accounts, bank: bank, community: community, services: services,
		operators: operators, restaking: restaking, prices: prices, authority: authority,
		params:         collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		nextPlanID:     collections.NewSequence(sb, types.NextPlanIDKey, "next_plan_id"),
		plans:          collections.NewMap(sb, types.PlansKey, "plans", collections.Uint64Key, codec.CollValue[types.RewardsPlan](cdc)),
		lastAllocation: collections.NewItem(sb, types.LastAllocationKey, "last_allocation", collcodec.KeyToValueCodec(sdk.TimeKey)),
		rewardsPerShare: collections.NewMap(sb, types.RewardsPerShareKey, "rewards_per_share",
			collections.PairKeyCodec(targetKeyCodec, bucketIDCodec), record),
		snapshots: collections.NewMap(sb, types.SnapshotsKey, "snapshots",
			collections.PairKeyCodec(collections.PairKeyCodec(sdk.AccAddressKey, targetKeyCodec), bucketIDCodec), record),
		poolServiceShares: collections.NewMap(sb, types.PoolServiceSharesKey, "pool_service_shares",
			collections.PairKeyCodec(collections.Uint32Key, collections.Uint32Key), sdk.LegacyDecValue),
		outstanding:   collections.NewMap(sb, types.OutstandingKey, "outstanding", targetKeyCodec, record),
		commission:    collections.NewMap(sb, types.CommissionKey, "commission", collections.Uint32Key, record),
		dust:          collections.NewItem(sb, types.DustKey, "dust", record),
		withdrawAddrs: collections.NewMap(sb, types.WithdrawAddrsKey, "withdraw_addrs", sdk.AccAddressKey, collcodec.KeyToValueCodec(sdk.AccAddressKey)),
		classEventRatios: collections.NewMap(sb, types.ClassEventRatiosKey, "class_event_ratios",
			collections.PairKeyCodec(collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key), bucketIDCodec), record),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// GetParams returns the params.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.params.Get(ctx) }

func targetKey(t restakingtypes.DelegationType, id uint32) TargetKey {
	return collections.Join(int32(t), id)
}

func bucketKey(t restakingtypes.DelegationType, id, service uint32, denom string) BucketKey {
	return collections.Join(targetKey(t, id), collections.Join(service, denom))
}

func snapshotKey(user sdk.AccAddress, b BucketKey) SnapshotKey {
	return collections.Join(collections.Join(user, b.K1()), b.K2())
}

// getCoins reads a DecCoins record, empty if absent.
func getCoins[K any](ctx context.Context, m collections.Map[K, types.DecCoinsRecord], key K) (sdk.DecCoins, error) {
	r, err := m.Get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		return sdk.DecCoins{}, nil
	}
	return r.Coins, err
}

// setCoins writes a DecCoins record, deleting it when empty.
func setCoins[K any](ctx context.Context, m collections.Map[K, types.DecCoinsRecord], key K, coins sdk.DecCoins) error {
	if coins.IsZero() {
		return m.Remove(ctx, key)
	}
	return m.Set(ctx, key, types.DecCoinsRecord{Coins: coins})
}

func (k *Keeper) getDust(ctx context.Context) (sdk.DecCoins, error) {
	r, err := k.dust.Get(ctx)
	if errors.Is(err, collections.ErrNotFound) {
		return sdk.DecCoins{}, nil
	}
	return r.Coins, err
}

// addDust keeps a truncation remainder.
func (k *Keeper) addDust(ctx context.Context, amount sdk.DecCoins) error {
	if amount.IsZero() {
		return nil
	}
	dust, err := k.getDust(ctx)
	if err != nil {
		return err
	}
	return k.dust.Set(ctx, types.DecCoinsRecord{Coins: dust.Add(amount...)})
}

// withdrawAddress is where user's rewards go (user itself by default).
func (k *Keeper) withdrawAddress(ctx context.Context, user sdk.AccAddress) (sdk.AccAddress, error) {
	addr, err := k.withdrawAddrs.Get(ctx, user)
	if errors.Is(err, collections.ErrNotFound) {
		return user, nil
	}
	return addr, err
}

func (k *Keeper) poolShares(ctx context.Context, poolID, serviceID uint32) (sdkmath.LegacyDec, error) {
	s, err := k.poolServiceShares.Get(ctx, collections.Join(poolID, serviceID))
	if errors.Is(err, collections.ErrNotFound) {
		return sdkmath.LegacyZeroDec(), nil
	}
	return s, err
}

func (k *Keeper) addPoolShares(ctx context.Context, poolID, serviceID uint32, delta sdkmath.LegacyDec) error {
	s, err := k.poolShares(ctx, poolID, serviceID)
	if err != nil {
		return err
	}
	s = s.Add(delta)
	if s.IsZero() {
		return k.poolServiceShares.Remove(ctx, collections.Join(poolID, serviceID))
	}
	return k.poolServiceShares.Set(ctx, collections.Join(poolID, serviceID), s)
}
