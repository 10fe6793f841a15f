package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"
	"cosmossdk.io/core/store"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// OperatorServiceKey is (operator, service).
type OperatorServiceKey = collections.Pair[uint32, uint32]

// Keeper runs the evidence pipeline: rules per service, verification,
// pending slashes with a veto window, execution through x/restaking, jails.
type Keeper struct {
	cdc       codec.BinaryCodec
	accounts  types.AccountKeeper
	bank      types.BankKeeper
	services  types.ServicesKeeper
	operators types.OperatorsKeeper
	restaking types.RestakingKeeper
	prices    types.PriceSource
	sequencer types.SequencerKeeper
	authority string

	Schema collections.Schema
	// params: () -> Params
	params collections.Item[types.Params]
	// configs: service -> slasher and rules
	configs collections.Map[uint32, types.ServiceSlashingConfig]
	// operatorKeys: (operator, service) -> task signing key
	operatorKeys collections.Map[OperatorServiceKey, types.OperatorKey]
	// slashes: id -> Slash (pending, executed and vetoed); the PENDING ones
	// are indexed by (operator, id) and (service, id) in Indexes
	slashes *collections.IndexedMap[uint64, types.Slash, slashIndexes]
	// nextSlashID: () -> next id
	nextSlashID collections.Sequence
	// pending: (execute_at, id) -> (), walked by EndBlock
	pending collections.KeySet[collections.Pair[time.Time, uint64]]
	// evidence: evidence id -> slash id
	evidence collections.Map[[]byte, uint64]
	// jails: (operator, service) -> jailed until
	jails collections.Map[OperatorServiceKey, time.Time]
	// sequencing: () -> the sequencer's service and operator
	sequencing collections.Item[types.SequencingService]
	// dust: () -> worth of burned pool shares below one unit
	dust collections.Item[types.DustRecord]
}

// NewKeeper builds the keeper. authority is the gov module account: it
// sets params and vetoes when a rule names no resolver.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, accounts types.AccountKeeper, bank types.BankKeeper,
	services types.ServicesKeeper, operators types.OperatorsKeeper, restaking types.RestakingKeeper,
	prices types.PriceSource, sequencer types.SequencerKeeper, authority string,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	pair := collections.PairKeyCodec(collections.Uint32Key, collections.Uint32Key)
	k := &Keeper{
		cdc: cdc, accounts: accounts, bank: bank, services: services, operators: operators,
		restaking: restaking, prices: prices, sequencer: sequencer, authority: authority,
		params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		configs: collections.NewMap(sb, types.ConfigsKey, "configs", collections.Uint32Key,
			codec.CollValue[types.ServiceSlashingConfig](cdc)),
		operatorKeys: collections.NewMap(sb, types.OperatorKeysKey, "operator_keys", pair, codec.CollValue[types.OperatorKey](cdc)),
		slashes: collections.NewIndexedMap(sb, types.SlashesKey, "slashes", collections.Uint64Key,
			codec.CollValue[types.Slash](cdc), slashIndexes{
				PendingByOperator: newPendingIndex(sb, types.PendingByOperatorKey, "pending_by_operator",
					func(s types.Slash) uint32 { return s.OperatorId }),
				PendingByService: newPendingIndex(sb, types.PendingByServiceKey, "pending_by_service",
					func(s types.Slash) uint32 { return s.ServiceId }),
			}),
		nextSlashID: collections.NewSequence(sb, types.NextSlashIDKey, "next_slash_id"),
		pending: collections.NewKeySet(sb, types.PendingQueueKey, "pending",
			collections.PairKeyCodec(sdk.TimeKey, collections.Uint64Key)),
		evidence:   collections.NewMap(sb, types.EvidenceKey, "evidence", collections.BytesKey, collections.Uint64Value),
		jails:      collections.NewMap(sb, types.JailsKey, "jails", pair, collcodec.KeyToValueCodec(sdk.TimeKey)),
		sequencing: collections.NewItem(sb, types.SequencingKey, "sequencing", codec.CollValue[types.SequencingService](cdc)),
		dust:       collections.NewItem(sb, types.DustKey, "dust", codec.CollValue[types.DustRecord](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// Authority is the gov module account.
func (k *Keeper) Authority() string { return k.authority }

// GetParams returns the params.
func (k *Keeper) GetParams(ctx context.Context) (types.Params, error) { return k.params.Get(ctx) }

// operatorServiceKey builds the (operator, service) key of operatorKeys and jails.
func operatorServiceKey(operatorID, serviceID uint32) OperatorServiceKey {
	return collections.Join(operatorID, serviceID)
}
