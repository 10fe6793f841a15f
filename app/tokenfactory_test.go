package app_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/stretchr/testify/require"

	assetstypes "github.com/milkyway-labs/milkyway-rollup/x/assets/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	tokenfactorytypes "github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// TestTokenFactoryInTheApp runs the wired app: an LRT created and minted
// through the Msg router, restaking restricted and then opened to it by
// Msgs signed by the gov authority (as a passed proposal executes them),
// a pool delegation, the custody guard on the pool account, and the
// tokenfactory crisis route.
func TestTokenFactoryInTheApp(t *testing.T) {
	a, genesisTime := startedApp(t, "tokenfactory-1")
	ctx := a.NewUncachedContext(false, cmtproto.Header{ChainID: "tokenfactory-1", Height: 2, Time: genesisTime.Add(2 * time.Second)})

	moduleAcc := a.AccountKeeper.GetModuleAccount(ctx, tokenfactorytypes.ModuleName)
	require.True(t, moduleAcc.HasPermission(authtypes.Minter) && moduleAcc.HasPermission(authtypes.Burner))
	params, err := a.TokenFactoryKeeper.GetParams(ctx)
	require.NoError(t, err)
	require.Equal(t, tokenfactorytypes.DefaultParams(), params)

	run := func(msg sdk.Msg) (*sdk.Result, error) {
		return a.MsgServiceRouter().Handler(msg)(ctx, msg)
	}
	gov := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	issuer := sdk.AccAddress([]byte("lrt-issuer__________")).String()
	holder := sdk.AccAddress([]byte("lrt-holder__________")).String()

	_, err = run(&tokenfactorytypes.MsgCreateDenom{Sender: issuer, Subdenom: "ulrt"})
	require.NoError(t, err)
	lrt := "factory/" + issuer + "/ulrt"
	_, err = run(&tokenfactorytypes.MsgMint{Sender: issuer, Amount: sdk.NewInt64Coin(lrt, 1000), MintToAddress: holder})
	require.NoError(t, err)

	setAllowed := func(denoms ...string) {
		p, err := a.RestakingKeeper.GetParams(ctx)
		require.NoError(t, err)
		p.AllowedDenoms = denoms
		_, err = run(&restakingtypes.MsgUpdateParams{Authority: gov, Params: p})
		require.NoError(t, err)
	}
	setAllowed("umilk")
	_, err = run(&restakingtypes.MsgDelegatePool{Delegator: holder, Amount: sdk.NewInt64Coin(lrt, 100)})
	require.ErrorIs(t, err, restakingtypes.ErrDenomNotRestakable)

	_, err = run(assetstypes.NewMsgRegisterAsset(gov, assetstypes.NewAsset(lrt, "LRT", 6)))
	require.NoError(t, err)
	setAllowed("umilk", lrt)
	_, err = run(&restakingtypes.MsgDelegatePool{Delegator: holder, Amount: sdk.NewInt64Coin(lrt, 100)})
	require.NoError(t, err)
	pool, err := a.PoolsKeeper.GetPoolByDenom(ctx, lrt)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(100), a.BankKeeper.GetBalance(ctx, sdk.MustAccAddressFromBech32(pool.Address), lrt).Amount)

	_, err = run(&tokenfactorytypes.MsgForceTransfer{Sender: issuer, Amount: sdk.NewInt64Coin(lrt, 100),
		TransferFromAddress: pool.Address, TransferToAddress: issuer})
	require.ErrorIs(t, err, tokenfactorytypes.ErrProtectedAccount, "the app wires the pools custody check")

	var route bool
	for _, r := range a.CrisisKeeper.Routes() {
		if r.ModuleName == tokenfactorytypes.ModuleName && r.Route == "denoms" {
			route = true
			msg, broken := r.Invar(ctx)
			require.False(t, broken, msg)
		}
	}
	require.True(t, route, "tokenfactory/denoms is a crisis route")
}
