package keeper_test

import (
	"context"
	"errors"
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/pools/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/pools/types"
)

type fakeAccounts map[string]bool

func (f fakeAccounts) HasAccount(_ context.Context, a sdk.AccAddress) bool { return f[a.String()] }
func (f fakeAccounts) NewAccountWithAddress(_ context.Context, a sdk.AccAddress) sdk.AccountI {
	return authtypes.NewBaseAccountWithAddress(a)
}
func (f fakeAccounts) SetAccount(_ context.Context, acc sdk.AccountI) {
	f[acc.GetAddress().String()] = true
}

type recordingHooks struct {
	created []uint32
	fail    bool
}

func (h *recordingHooks) AfterPoolCreated(_ context.Context, id uint32) error {
	if h.fail {
		return errors.New("hook refused")
	}
	h.created = append(h.created, id)
	return nil
}

func setup(t *testing.T) (*keeper.Keeper, sdk.Context, fakeAccounts, *recordingHooks) {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("t")).Ctx
	accounts, hooks := fakeAccounts{}, &recordingHooks{}
	k := keeper.NewKeeper(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()), runtime.NewKVStoreService(key), accounts)
	k.SetHooks(hooks)
	require.NoError(t, k.InitGenesis(ctx, types.DefaultGenesis()))
	return k, ctx, accounts, hooks
}

func TestGetOrCreatePoolMakesOnePoolPerDenom(t *testing.T) {
	k, ctx, accounts, hooks := setup(t)
	first, err := k.GetOrCreatePool(ctx, "umilktia")
	require.NoError(t, err)
	require.Equal(t, uint32(1), first.Id)
	again, err := k.GetOrCreatePool(ctx, "umilktia")
	require.NoError(t, err)
	require.Equal(t, first, again, "the second delegation of a denom reuses its pool")
	other, err := k.GetOrCreatePool(ctx, "ibc/USDC")
	require.NoError(t, err)
	require.Equal(t, uint32(2), other.Id)

	require.Equal(t, []uint32{1, 2}, hooks.created)
	require.True(t, accounts[types.PoolAddress(1).String()], "pool account created")
	byDenom, err := k.GetPoolByDenom(ctx, "ibc/USDC")
	require.NoError(t, err)
	require.Equal(t, other, byDenom)
	isPool, err := k.IsPoolAddress(ctx, types.PoolAddress(2))
	require.NoError(t, err)
	require.True(t, isPool)
	msg, broken := k.ValidPoolsInvariant(ctx)
	require.False(t, broken, msg)
}

func TestPoolRejections(t *testing.T) {
	k, ctx, _, hooks := setup(t)
	_, err := k.GetOrCreatePool(ctx, "1bad")
	require.ErrorIs(t, err, types.ErrInvalidDenom)
	_, err = k.GetPool(ctx, 7)
	require.ErrorIs(t, err, types.ErrPoolNotFound)
	_, err = k.GetPoolByDenom(ctx, "uatom")
	require.ErrorIs(t, err, types.ErrPoolNotFound)
	hooks.fail = true
	_, err = k.GetOrCreatePool(ctx, "uatom")
	require.ErrorContains(t, err, "hook refused")
}

func TestGenesisRoundTripAndValidation(t *testing.T) {
	k, ctx, _, _ := setup(t)
	for _, d := range []string{"umilk", "umilktia", "ustinit"} {
		_, err := k.GetOrCreatePool(ctx, d)
		require.NoError(t, err)
	}
	exported, err := k.ExportGenesis(ctx)
	require.NoError(t, err)

	k2, ctx2, _, _ := setup(t)
	require.NoError(t, k2.InitGenesis(ctx2, exported))
	reexported, err := k2.ExportGenesis(ctx2)
	require.NoError(t, err)
	require.Equal(t, exported, reexported)

	dup := types.GenesisState{NextPoolId: 3, Pools: []types.Pool{types.NewPool(1, "umilk"), types.NewPool(2, "umilk")}}
	require.ErrorIs(t, dup.Validate(), types.ErrInvalidGenesis)
	high := types.GenesisState{NextPoolId: 1, Pools: []types.Pool{types.NewPool(1, "umilk")}}
	require.ErrorIs(t, high.Validate(), types.ErrInvalidGenesis)
}
