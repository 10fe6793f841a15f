package keeper

import (
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// PendingBurnKey is (completion time, user): matured burns are one range.
type PendingBurnKey = collections.Pair[time.Time, sdk.AccAddress]

// Keeper owns locked representations, the users' insurance funds and the
// burns waiting for forced unbondings.
type Keeper struct {
	cdc       codec.BinaryCodec
	accounts  types.AccountKeeper
	bank      types.BankKeeper
	restaking types.RestakingKeeper
	authority string
	// moduleAddr holds the insurance funds; locked tokens pass through it
	// only to be minted or burned.
	moduleAddr sdk.AccAddress
	// slashSinks are module accounts that may take locked tokens from a
	// target (slashing) and pass them on to their recipient.
	slashSinks []sdk.AccAddress
	// targetChecks tell restaking target accounts (pools, operators,
	// services) apart from users.
	targetChecks []types.TargetAddressCheck

	Schema collections.Schema
	// params: () -> Params
	params collections.Item[types.Params]
	// insuranceFunds: user -> UserInsuranceFund
	insuranceFunds collections.Map[sdk.AccAddress, types.UserInsuranceFund]
	// pendingBurns: (completion time, user) -> PendingBurn
	pendingBurns collections.Map[PendingBurnKey, types.PendingBurn]
}

// NewKeeper builds the keeper. authority is the gov module account;
// slashSinks are the module names that receive slashed stake;
// targetChecks recognise restaking target accounts.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, accounts types.AccountKeeper,
	bank types.BankKeeper, restaking types.RestakingKeeper, authority string, slashSinks []string,
	targetChecks ...types.TargetAddressCheck,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc: cdc, accounts: accounts, bank: bank, restaking: restaking, authority: authority,
		moduleAddr:   accounts.GetModuleAddress(types.ModuleName),
		targetChecks: targetChecks,
		params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		insuranceFunds: collections.NewMap(sb, types.InsuranceFundsKey, "insurance_funds", sdk.AccAddressKey,
			codec.CollValue[types.UserInsuranceFund](cdc)),
		pendingBurns: collections.NewMap(sb, types.PendingBurnsKey, "pending_burns",
			collections.PairKeyCodec(sdk.TimeKey, sdk.AccAddressKey), codec.CollValue[types.PendingBurn](cdc)),
	}
	if k.moduleAddr == nil {
		panic("liquidvesting module account has no permissions entry")
	}
	for _, name := range slashSinks {
		k.slashSinks = append(k.slashSinks, accounts.GetModuleAddress(name))
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// GetParams returns the params.
func (k *Keeper) GetParams(ctx sdk.Context) (types.Params, error) { return k.params.Get(ctx) }

// ModuleAddress is the account that holds the insurance funds.
func (k *Keeper) ModuleAddress() sdk.AccAddress { return k.moduleAddr }
