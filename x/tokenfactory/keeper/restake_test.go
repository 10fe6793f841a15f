package keeper_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/app/apptesting/keepertest"
	assetskeeper "github.com/milkyway-labs/milkyway-rollup/x/assets/keeper"
	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	restakingkeeper "github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// TestFactoryDenomIsRestakable shows that an LRT made here is restakable
// like any other denom once governance allows it: x/restaking decides by
// its allowed_denoms param alone (x/assets only prices denoms for the USD
// cap and rewards), and both are set through their gov-authority Msgs.
// The keepers are the app's own (app/apptesting/keepertest).
func TestFactoryDenomIsRestakable(t *testing.T) {
	f := keepertest.New(t)
	ctx := f.Ctx
	bank, pools, restaking, assets, tf := f.App.BankKeeper, f.App.PoolsKeeper, f.App.RestakingKeeper,
		f.App.AssetsKeeper, f.App.TokenFactoryKeeper

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
