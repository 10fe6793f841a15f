package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the rewards module's name. Its module account holds
	// allocated rewards: outstanding + commission + dust.
	ModuleName = "rewards"
	// StoreKey is its store key.
	StoreKey = ModuleName
	// EscrowAccount holds the budgets of the plans not yet allocated. It is
	// a module account, so plain bank sends to it are refused.
	EscrowAccount = "rewards_escrow"
)

var (
	// ParamsKey: () -> Params
	ParamsKey = collections.NewPrefix(1)
	// NextPlanIDKey: () -> next plan id (a Sequence)
	NextPlanIDKey = collections.NewPrefix(2)
	// PlansKey: plan id -> RewardsPlan (ended plans are deleted)
	PlansKey = collections.NewPrefix(3)
	// LastAllocationKey: () -> restaking clock at the last allocation
	LastAllocationKey = collections.NewPrefix(4)
	// RewardsPerShareKey: ((type, target), (service, denom)) -> DecCoinsRecord,
	// the cumulative reward per share of one bucket; it only grows.
	RewardsPerShareKey = collections.NewPrefix(5)
	// SnapshotsKey: ((user, (type, target)), (service, denom)) -> DecCoinsRecord,
	// the ratio a delegation was last settled at; one delegation's buckets
	// are one prefix.
	SnapshotsKey = collections.NewPrefix(6)
	// PoolServiceSharesKey: (pool, service) -> Dec, the pool shares whose
	// owners trust the service.
	PoolServiceSharesKey = collections.NewPrefix(7)
	// OutstandingKey: (type, target) -> DecCoinsRecord, what the target's
	// delegators can still withdraw.
	OutstandingKey = collections.NewPrefix(8)
	// CommissionKey: operator id -> DecCoinsRecord
	CommissionKey = collections.NewPrefix(9)
	// DustKey: () -> DecCoinsRecord, truncation remainders
	DustKey = collections.NewPrefix(10)
	// WithdrawAddrsKey: user -> withdraw address
	WithdrawAddrsKey = collections.NewPrefix(11)
	// ClassEventRatiosKey: ((trust class, event), (service, denom)) ->
	// DecCoinsRecord, the ratio of the class's pool bucket when a slash hit
	// the class (docs/adr/002, amendment 2).
	ClassEventRatiosKey = collections.NewPrefix(12)
)

// AllServices is the bucket service id of operators and services: their
// delegators earn from every paying service alike, so one accumulator per
// denom suffices. Pools keep one bucket per trusted service.
const AllServices uint32 = 0
