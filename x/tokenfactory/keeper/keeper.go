package keeper

import (
	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/store"
	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// denomIndexes are the secondary keys of the denoms map.
type denomIndexes struct {
	// Creator: (creator, denom), derived from the denom itself, so the
	// index never disagrees with the primary key.
	Creator *indexes.Multi[string, string, types.DenomAuthorityMetadata]
}

// IndexesList implements collections.Indexes.
func (i denomIndexes) IndexesList() []collections.Index[string, types.DenomAuthorityMetadata] {
	return []collections.Index[string, types.DenomAuthorityMetadata]{i.Creator}
}

// Keeper owns the factory denoms and their admins. Balances, supply and
// metadata live in x/bank.
type Keeper struct {
	accountKeeper types.AccountKeeper
	bank          types.BankKeeper
	communityPool types.CommunityPoolKeeper
	authority     string
	custody       []types.CustodyCheck

	Schema collections.Schema
	// params: () -> Params
	params collections.Item[types.Params]
	// denoms: factory denom -> DenomAuthorityMetadata, indexed by creator
	denoms *collections.IndexedMap[string, types.DenomAuthorityMetadata, denomIndexes]
}

// NewKeeper builds the keeper. authority is the gov module account.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, accountKeeper types.AccountKeeper,
	bank types.BankKeeper, communityPool types.CommunityPoolKeeper, authority string,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	idx := denomIndexes{
		Creator: indexes.NewMulti(sb, types.DenomsByCreatorKey, "denoms_by_creator", collections.StringKey, collections.StringKey,
			func(denom string, _ types.DenomAuthorityMetadata) (string, error) {
				creator, _, err := types.DeconstructDenom(denom)
				return creator, err
			}),
	}
	k := &Keeper{
		accountKeeper: accountKeeper,
		bank:          bank,
		communityPool: communityPool,
		authority:     authority,
		params:        collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		denoms: collections.NewIndexedMap(sb, types.DenomsKey, "denoms", collections.StringKey,
			codec.CollValue[types.DenomAuthorityMetadata](cdc), idx),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// SetCustodyChecks sets the checks that protect accounts other modules
// keep books for from admin burns and force transfers; it may be called
// once.
func (k *Keeper) SetCustodyChecks(checks ...types.CustodyCheck) {
	if k.custody != nil {
		panic("tokenfactory custody checks already set")
	}
	k.custody = checks
}

// Authority returns the module's governance authority.
func (k *Keeper) Authority() string { return k.authority }
