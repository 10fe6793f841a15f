package keeper_test

import (
	"testing"
	"time"

	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/log"
	sdkmath "cosmossdk.io/math"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/stretchr/testify/require"

	assetskeeper "github.com/milkyway-labs/milkyway-rollup/x/assets/keeper"
	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	operatorskeeper "github.com/milkyway-labs/milkyway-rollup/x/operators/keeper"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	poolskeeper "github.com/milkyway-labs/milkyway-rollup/x/pools/keeper"
	poolstypes "github.com/milkyway-labs/milkyway-rollup/x/pools/types"
	restakingkeeper "github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	serviceskeeper "github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// TestFactoryDenomIsRestakable shows that an LRT made here is restakable
// like any other denom once governance allows it: x/restaking decides by
// its allowed_denoms param alone (x/assets only prices denoms for the USD
// cap and rewards), and both are set through their gov-authority Msgs.
// The keepers are real and wired as in app/keepers.go.
func TestFactoryDenomIsRestakable(t *testing.T) {
	keys := storetypes.NewKVStoreKeys(authtypes.StoreKey, banktypes.StoreKey, servicestypes.StoreKey, poolstypes.StoreKey,
		operatorstypes.StoreKey, restakingtypes.StoreKey, assetstypes.StoreKey, types.StoreKey)
	ctx := testutil.DefaultContextWithKeys(keys, nil, nil).WithBlockHeight(1).
		WithBlockTime(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	registry := codectypes.NewInterfaceRegistry()
	authtypes.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	kv := func(name string) corestore.KVStoreService { return runtime.NewKVStoreService(keys[name]) }

	accounts := authkeeper.NewAccountKeeper(cdc, kv(authtypes.StoreKey), authtypes.ProtoBaseAccount,
		map[string][]string{distrtypes.ModuleName: nil, types.ModuleName: {authtypes.Minter, authtypes.Burner}},
		addresscodec.NewBech32Codec("milk"), "milk", authority)
	bank := bankkeeper.NewBaseKeeper(cdc, kv(banktypes.StoreKey), accounts, nil, authority, log.NewNopLogger())
	services := serviceskeeper.NewKeeper(cdc, kv(servicestypes.StoreKey), accounts, nil, authority)
	pools := poolskeeper.NewKeeper(cdc, kv(poolstypes.StoreKey), accounts)
	operators := operatorskeeper.NewKeeper(cdc, kv(operatorstypes.StoreKey), accounts, nil, authority)
	restaking := restakingkeeper.NewKeeper(cdc, kv(restakingtypes.StoreKey), bank, pools, operators, services, authority)
	services.SetDeletionGuard(restaking.DeletionGuard())
	operators.SetDeletionGuard(restaking.DeletionGuard())
	operators.SetClock(restaking)
	assets := assetskeeper.NewKeeper(cdc, kv(assetstypes.StoreKey), authority)
	tf := keeper.NewKeeper(cdc, kv(types.StoreKey), accounts, bank, communityPool{bank}, authority)
	tf.SetCustodyChecks(pools.IsPoolAddress, operators.IsOperatorAddress, services.IsServiceAddress)
	require.NoError(t, services.InitGenesis(ctx, servicestypes.DefaultGenesis()))
	require.NoError(t, pools.InitGenesis(ctx, poolstypes.DefaultGenesis()))
	require.NoError(t, operators.InitGenesis(ctx, operatorstypes.DefaultGenesis()))
	require.NoError(t, restaking.InitGenesis(ctx, restakingtypes.DefaultGenesis()))
	require.NoError(t, tf.InitGenesis(ctx, types.DefaultGenesis()))

	// The LRT issuer creates the denom and mints to a holder.
	tfMsgs := keeper.NewMsgServer(tf)
	created, err := tfMsgs.CreateDenom(ctx, &types.MsgCreateDenom{Sender: alice, Subdenom: "ulrt"})
	require.NoError(t, err)
	lrt := created.NewTokenDenom
	_, err = tfMsgs.Mint(ctx, &types.MsgMint{Sender: alice, Amount: coin(1000, lrt), MintToAddress: bob})
	require.NoError(t, err)

	// Governance restricts restaking to umilk: the LRT is refused.
	restakingMsgs := restakingkeeper.NewMsgServer(restaking)
	setAllowed := func(denoms ...string) {
		params, err := restaking.GetParams(ctx)
		require.NoError(t, err)
		params.AllowedDenoms = denoms
		_, err = restakingMsgs.UpdateParams(ctx, &restakingtypes.MsgUpdateParams{Authority: authority, Params: params})
		require.NoError(t, err)
	}
	setAllowed("umilk")
	_, err = restakingMsgs.DelegatePool(ctx, &restakingtypes.MsgDelegatePool{Delegator: bob, Amount: coin(100, lrt)})
	require.ErrorIs(t, err, restakingtypes.ErrDenomNotRestakable)

	// Governance registers the LRT as an asset and allows it.
	_, err = assetskeeper.NewMsgServer(assets).RegisterAsset(ctx,
		assetstypes.NewMsgRegisterAsset(authority, assetstypes.NewAsset(lrt, "LRT", 6)))
	require.NoError(t, err)
	setAllowed("umilk", lrt)

	res, err := restakingMsgs.DelegatePool(ctx, &restakingtypes.MsgDelegatePool{Delegator: bob, Amount: coin(100, lrt)})
	require.NoError(t, err)
	require.Equal(t, sdkmath.LegacyNewDec(100), res.NewShares.AmountOf(lrt))
	pool, err := pools.GetPoolByDenom(ctx, lrt)
	require.NoError(t, err)
	require.Equal(t, int64(100), bank.GetBalance(ctx, sdk.MustAccAddressFromBech32(pool.Address), lrt).Amount.Int64())
	require.Equal(t, int64(900), bank.GetBalance(ctx, sdk.MustAccAddressFromBech32(bob), lrt).Amount.Int64())

	// The admin cannot pull restaked tokens out of the pool's account
	// behind x/restaking's back, by force transfer or by burning.
	_, err = tfMsgs.ForceTransfer(ctx, &types.MsgForceTransfer{Sender: alice, Amount: coin(100, lrt),
		TransferFromAddress: pool.Address, TransferToAddress: alice})
	require.ErrorIs(t, err, types.ErrProtectedAccount)
	_, err = tfMsgs.Burn(ctx, &types.MsgBurn{Sender: alice, Amount: coin(100, lrt), BurnFromAddress: pool.Address})
	require.ErrorIs(t, err, types.ErrProtectedAccount)
	msg, broken := restaking.StakeInvariant(ctx)
	require.False(t, broken, msg)
	msg, broken = tf.DenomsInvariant(ctx)
	require.False(t, broken, msg)
}
