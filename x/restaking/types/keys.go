package types

import (
	"cosmossdk.io/collections"
)

const (
	// ModuleName is the restaking module's name.
	ModuleName = "restaking"
	// StoreKey is its store key.
	StoreKey = ModuleName
)

var (
	// ParamsKey: () -> Params
	ParamsKey = collections.NewPrefix(1)
	// DelegationsKey: (user, type, target id) -> Delegation. Keyed by user
	// first so a user's delegations are one prefix scan.
	DelegationsKey = collections.NewPrefix(2)
	// DelegationsByTargetKey: ((type, target id), user) -> () index of
	// DelegationsKey (indexes.ReversePair, kept by the store), so a
	// target's delegators are one prefix scan.
	DelegationsByTargetKey = collections.NewPrefix(3)
	// TargetStakesKey: (type, target id, denom) -> DenomStake
	TargetStakesKey = collections.NewPrefix(4)
	// UnbondingDelegationsKey: (user, type, target id) -> UnbondingDelegation
	UnbondingDelegationsKey = collections.NewPrefix(5)
	// UnbondingQueueKey: (completion time, (user, type, target id)) -> ()
	// so EndBlock visits only matured entries.
	UnbondingQueueKey = collections.NewPrefix(6)
	// NextUnbondingIDKey: () -> next unbonding id (a Sequence)
	NextUnbondingIDKey = collections.NewPrefix(7)
	// ClockKey: () -> the restaking clock (bounded block time)
	ClockKey = collections.NewPrefix(8)
	// TargetUnbondingsKey: ((type, target id), user) -> () index of
	// UnbondingDelegationsKey (indexes.ReversePair, kept by the store):
	// the users unbonding from a target, for the deletion guard and slashes.
	TargetUnbondingsKey = collections.NewPrefix(9)
	// TotalRestakedKey: denom -> tokens restaked across all targets, kept
	// incrementally so the USD cap check never scans targets.
	TotalRestakedKey = collections.NewPrefix(10)
	// OperatorJoinedServicesKey: (operator id, service id) -> ()
	OperatorJoinedServicesKey = collections.NewPrefix(11)
	// ServiceOperatorsKey: (service id, operator id) -> () index of 11
	// (indexes.ReversePair, kept by the store)
	ServiceOperatorsKey = collections.NewPrefix(12)
	// ServiceAllowListKey: (service id, operator id) -> ()
	ServiceAllowListKey = collections.NewPrefix(13)
	// OperatorAllowedInKey: (operator id, service id) -> () index of 13
	// (indexes.ReversePair, kept by the store)
	OperatorAllowedInKey = collections.NewPrefix(14)
	// ServiceSecuringPoolsKey: (service id, pool id) -> ()
	ServiceSecuringPoolsKey = collections.NewPrefix(15)
	// UserPreferencesKey: user -> UserPreferences
	UserPreferencesKey = collections.NewPrefix(16)
)

// Lazy pool slashing by trust class (docs/adr/002, amendment 2).
var (
	// TrustClassesKey: class id -> TrustClass
	TrustClassesKey = collections.NewPrefix(17)
	// TrustClassBySetKey: ((pool, trusted-set key), class id) -> () index
	// of 17 (kept by the store): the class of a pool and a trusted set.
	TrustClassBySetKey = collections.NewPrefix(18)
	// TrustClassByServiceKey: ((pool, service), class id) -> () index of 17
	// (kept by the store): the classes a slash at the service hits.
	TrustClassByServiceKey = collections.NewPrefix(19)
	// TrustClassEventsKey: (class id, event) -> factor after the event
	TrustClassEventsKey = collections.NewPrefix(20)
	// NextTrustClassIDKey: () -> next class id (a Sequence)
	NextTrustClassIDKey = collections.NewPrefix(21)
	// DelegationsByClassKey: (class id, (user, type, target id)) -> ()
	// index of DelegationsKey for class members only (kept by the store):
	// the what-if query pages over the delegations a slash reaches.
	DelegationsByClassKey = collections.NewPrefix(22)
)
