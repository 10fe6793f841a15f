package keepertest

import (
	"encoding/json"
	"testing"
	"time"

	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/log"
	storetypes "cosmossdk.io/store/types"
	abci "github.com/cometbft/cometbft/abci/types"
	cmted25519 "github.com/cometbft/cometbft/crypto/ed25519"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/codec"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/gogoproto/proto"
	ibctransfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/app"
	"github.com/milkyway-labs/milkyway-rollup/app/apptesting"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// ChainID is the devnet's chain id, which task signatures and sequencer
// headers commit to; the fixture's context carries it.
const ChainID = "milkyway-devnet-1"

// GenesisTime is the time of genesis and of the fixture's first context.
var GenesisTime = apptesting.GenesisTime

// SequencerKey is the genesis sequencer's consensus key (CometBFT ed25519,
// the priv_validator key rollkit signs headers with), the same in every
// fixture so suites can sign headers with it.
var SequencerKey = cmted25519.GenPrivKeyFromSecret([]byte("milkyway-devnet sequencer priv_validator_key"))

// SequencerName is the genesis sequencer's name.
const SequencerName = "sequencer"

// Authority is the gov module account, the authority of every module.
var Authority = authtypes.NewModuleAddress(govtypes.ModuleName).String()

// faucet is the module account Fund mints through: the app has no x/mint,
// and ICS-20's module account is a Minter that holds nothing of its own
// (escrows live at per-channel addresses), so minting through it leaves
// every other module's accounting alone.
const faucet = ibctransfertypes.ModuleName

// GenesisEdit changes the app's default genesis before InitChain.
type GenesisEdit func(cdc codec.JSONCodec, state map[string]json.RawMessage)

// EditModule decodes module's genesis into gs, lets edit change it and
// encodes it back.
func EditModule[G proto.Message](module string, gs G, edit func(G)) GenesisEdit {
	return func(cdc codec.JSONCodec, state map[string]json.RawMessage) {
		cdc.MustUnmarshalJSON(state[module], gs)
		edit(gs)
		state[module] = cdc.MustMarshalJSON(gs)
	}
}

// Fixture is the real app after InitChain. Ctx is block 1 at GenesisTime
// on the app's root store, holding the genesis state uncommitted; the
// methods take the context a test has moved on to.
type Fixture struct {
	T   testing.TB
	App *app.App
	Ctx sdk.Context
}

// New builds the app, applies edits to its default genesis (staking and
// gov in umilk, as `milkywayd init` writes, and the sequencer SequencerKey)
// and runs InitChain.
func New(t testing.TB, edits ...GenesisEdit) *Fixture {
	t.Helper()
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.EmptyAppOptions{}, baseapp.SetChainID(ChainID))
	cdc := a.AppCodec()
	state := a.DefaultGenesis()
	require.NoError(t, app.SetGenesisDenoms(cdc, state))
	state[sequencertypes.ModuleName] = cdc.MustMarshalJSON(&sequencertypes.GenesisState{Sequencer: sequencertypes.Sequencer{
		Name: SequencerName, ConsensusPubkey: SequencerKey.PubKey().Bytes()}})
	for _, edit := range edits {
		edit(cdc, state)
	}
	stateBytes, err := json.Marshal(state)
	require.NoError(t, err)
	_, err = a.InitChain(&abci.RequestInitChain{ChainId: ChainID, Time: GenesisTime, InitialHeight: 1,
		AppStateBytes: stateBytes, ConsensusParams: simtestutil.DefaultConsensusParams})
	require.NoError(t, err)
	// InitChain left the genesis state in block 1's branch of the root
	// store; write it through so the context can work on the root store.
	header := cmtproto.Header{ChainID: ChainID, Height: 1, Time: GenesisTime}
	branch, ok := a.NewContextLegacy(false, header).MultiStore().(storetypes.CacheMultiStore)
	require.True(t, ok, "block 1's store is a branch")
	branch.Write()
	return &Fixture{T: t, App: a, Ctx: a.NewUncachedContext(false, header)}
}

// Fund mints amount (e.g. "10umilk,5uinit") to the bech32 address to.
func (f *Fixture) Fund(ctx sdk.Context, to, amount string) {
	f.T.Helper()
	c, err := sdk.ParseCoinsNormalized(amount)
	require.NoError(f.T, err)
	bank := f.App.BankKeeper
	require.NoError(f.T, bank.MintCoins(ctx, faucet, c))
	require.NoError(f.T, bank.SendCoinsFromModuleToAccount(ctx, faucet, sdk.MustAccAddressFromBech32(to), c))
}

// EndBlock runs every module's EndBlocker on ctx in the app's order.
// Unlike the module manager it keeps ctx's event manager, so the block's
// events, EndBlock's included, stay on ctx.
func (f *Fixture) EndBlock(ctx sdk.Context) {
	f.T.Helper()
	for _, name := range f.App.ModuleManager.OrderEndBlockers {
		var err error
		switch m := f.App.ModuleManager.Modules[name].(type) {
		case appmodule.HasEndBlocker:
			err = m.EndBlock(ctx)
		case module.HasABCIEndBlock:
			_, err = m.EndBlock(ctx)
		}
		require.NoError(f.T, err, "EndBlock of %s", name)
	}
}

// BeginBlock runs every module's BeginBlocker on ctx in the app's order.
func (f *Fixture) BeginBlock(ctx sdk.Context) {
	f.T.Helper()
	for _, name := range f.App.ModuleManager.OrderBeginBlockers {
		if m, ok := f.App.ModuleManager.Modules[name].(appmodule.HasBeginBlocker); ok {
			require.NoError(f.T, m.BeginBlock(ctx), "BeginBlock of %s", name)
		}
	}
}

// NextBlock ends ctx's block and begins the next one, d later, and
// returns its context.
func (f *Fixture) NextBlock(ctx sdk.Context, d time.Duration) sdk.Context {
	f.T.Helper()
	f.EndBlock(ctx)
	ctx = Advance(ctx, d)
	f.BeginBlock(ctx)
	return ctx
}

// Advance returns the context of the next height, d later, with a fresh
// event manager; it runs no block logic.
func Advance(ctx sdk.Context, d time.Duration) sdk.Context {
	return ctx.WithBlockHeight(ctx.BlockHeight() + 1).WithBlockTime(ctx.BlockTime().Add(d)).
		WithEventManager(sdk.NewEventManager())
}

// ClearStore deletes every entry of the module store named storeKey in
// ctx, so a test can run that module's InitGenesis again as on a fresh
// store (a genesis import, or a genesis that needs state other modules'
// Msgs create first). Use it on a cache context to keep the original.
func (f *Fixture) ClearStore(ctx sdk.Context, storeKey string) {
	store := ctx.KVStore(f.App.GetKey(storeKey))
	it := store.Iterator(nil, nil)
	var keys [][]byte
	for ; it.Valid(); it.Next() {
		keys = append(keys, it.Key())
	}
	require.NoError(f.T, it.Close())
	for _, k := range keys {
		store.Delete(k)
	}
}
