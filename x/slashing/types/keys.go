package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the slashing module's name. Its module account passes
	// slashed tokens on to the recipient or burns them.
	ModuleName = "slashing"
	// StoreKey is its store key.
	StoreKey = ModuleName
)

var (
	// ParamsKey: () -> Params
	ParamsKey = collections.NewPrefix(1)
	// ConfigsKey: service id -> ServiceSlashingConfig
	ConfigsKey = collections.NewPrefix(2)
	// OperatorKeysKey: (operator, service) -> OperatorKey
	OperatorKeysKey = collections.NewPrefix(3)
	// SlashesKey: slash id -> Slash
	SlashesKey = collections.NewPrefix(4)
	// NextSlashIDKey: () -> next slash id (a Sequence)
	NextSlashIDKey = collections.NewPrefix(5)
	// PendingQueueKey: (execute_at, slash id) -> (); what EndBlock executes
	PendingQueueKey = collections.NewPrefix(6)
	// EvidenceKey: evidence hash -> slash id; the same evidence counts once
	EvidenceKey = collections.NewPrefix(7)
	// JailsKey: (operator, service) -> jailed until
	JailsKey = collections.NewPrefix(8)
	// SequencingKey: () -> SequencingService
	SequencingKey = collections.NewPrefix(9)
	// DustKey: () -> DustRecord, the truncation of pool slashes left behind
	DustKey = collections.NewPrefix(10)
	// PendingByOperatorKey: (operator, slash id) -> (); index of the
	// PENDING slashes of SlashesKey, kept by the store
	PendingByOperatorKey = collections.NewPrefix(11)
	// PendingByServiceKey: (service, slash id) -> (); index of the
	// PENDING slashes of SlashesKey, kept by the store
	PendingByServiceKey = collections.NewPrefix(12)
)

// BurnDestination names burning in events.
const BurnDestination = "burn"
