package keeper

import (
	"testing"

	"cosmossdk.io/collections"
	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestPendingIndexes checks that the store indexes exactly the PENDING
// slashes by operator and by service, lowest id first, under the keys the
// hand-kept (owner, slash id) key sets wrote.
func TestPendingIndexes(t *testing.T) {
	storeKey := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContext(storeKey, storetypes.NewTransientStoreKey("transient"))
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	k := NewKeeper(cdc, runtime.NewKVStoreService(storeKey), nil, nil, nil, nil, nil, nil, nil, "")
	store := ctx.KVStore(storeKey)
	ownerID := collections.PairKeyCodec(collections.Uint32Key, collections.Uint64Key)
	has := func(prefix collections.Prefix, owner uint32, id uint64) bool {
		key, err := collections.EncodeKeyWithPrefix(prefix.Bytes(), ownerID, collections.Join(owner, id))
		require.NoError(t, err)
		return store.Has(key)
	}
	const operator, service, otherService = uint32(3), uint32(5), uint32(6)
	slash := func(id uint64, serviceID uint32, status types.SlashStatus) types.Slash {
		return types.Slash{Id: id, OperatorId: operator, ServiceId: serviceID, Status: status}
	}
	for _, s := range []types.Slash{
		slash(9, service, types.SLASH_STATUS_PENDING),
		slash(4, otherService, types.SLASH_STATUS_PENDING),
		slash(2, service, types.SLASH_STATUS_EXECUTED),
	} {
		require.NoError(t, k.slashes.Set(ctx, s.Id, s))
	}

	require.True(t, has(types.PendingByOperatorKey, operator, 9))
	require.True(t, has(types.PendingByServiceKey, service, 9))
	require.False(t, has(types.PendingByOperatorKey, operator, 2), "an executed slash is not indexed")
	first, err := k.slashes.Indexes.PendingByOperator.First(ctx, operator)
	require.NoError(t, err)
	require.Equal(t, uint64(4), first, "lowest pending id first")
	first, err = k.slashes.Indexes.PendingByService.First(ctx, service)
	require.NoError(t, err)
	require.Equal(t, uint64(9), first)

	for _, status := range []types.SlashStatus{types.SLASH_STATUS_VETOED, types.SLASH_STATUS_FAILED} {
		require.NoError(t, k.slashes.Set(ctx, 9, slash(9, service, types.SLASH_STATUS_PENDING)))
		require.NoError(t, k.slashes.Set(ctx, 9, slash(9, service, status)))
		require.False(t, has(types.PendingByOperatorKey, operator, 9), "%s leaves the operator index", status)
		require.False(t, has(types.PendingByServiceKey, service, 9), "%s leaves the service index", status)
	}
	first, err = k.slashes.Indexes.PendingByService.First(ctx, service)
	require.NoError(t, err)
	require.Zero(t, first)
	require.NoError(t, k.slashes.Remove(ctx, 4))
	require.False(t, has(types.PendingByOperatorKey, operator, 4), "removing a slash drops its entries")
	require.False(t, has(types.PendingByServiceKey, otherService, 4))
}
