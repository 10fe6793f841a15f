package keeper

import (
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/codec"
	storetypes "cosmossdk.io/store/types"
	sdkcodec "github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// indexEntry is one key the store must hold under an index prefix.
type indexEntry struct {
	prefix collections.Prefix
	key    []byte
}

func encode[K any](t *testing.T, prefix collections.Prefix, kc codec.KeyCodec[K], key K) indexEntry {
	t.Helper()
	b, err := collections.EncodeKeyWithPrefix(prefix.Bytes(), kc, key)
	require.NoError(t, err)
	return indexEntry{prefix: prefix, key: b}
}

// TestIndexesKeepTheHandKeptKeys checks that the four reverse indexes the
// store now keeps write, under the same prefixes, the very keys the
// hand-kept key sets wrote (so a store written before reads the same), and
// that removing the forward entry removes them.
func TestIndexesKeepTheHandKeptKeys(t *testing.T) {
	storeKey := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContext(storeKey, storetypes.NewTransientStoreKey("transient"))
	cdc := sdkcodec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	k := NewKeeper(cdc, runtime.NewKVStoreService(storeKey), nil, nil, nil, nil, "")

	user := sdk.AccAddress("alice_______________")
	const target, operator, service = uint32(7), uint32(3), uint32(5)
	opType := types.DELEGATION_TYPE_OPERATOR
	d := types.Delegation{Type: opType, UserAddress: user.String(), TargetId: target}
	require.NoError(t, k.setDelegation(ctx, user, d))
	ubd := types.UnbondingDelegation{Type: opType, DelegatorAddress: user.String(), TargetId: target,
		Entries: []types.UnbondingDelegationEntry{{CompletionTime: time.Unix(1, 0).UTC(), UnbondingId: 1}}}
	require.NoError(t, k.unbondings.Set(ctx, delegationKey(user, opType, target), ubd))
	require.NoError(t, k.join(ctx, operator, service))
	require.NoError(t, k.setAllowed(ctx, service, operator, true))

	// The codec of the hand-kept (target, user) key sets.
	targetUser := collections.PairKeyCodec(targetKeyCodec, sdk.AccAddressKey)
	tu := collections.Join(targetKey(opType, target), user)
	want := []indexEntry{
		encode(t, types.DelegationsByTargetKey, targetUser, tu),
		encode(t, types.TargetUnbondingsKey, targetUser, tu),
		encode(t, types.ServiceOperatorsKey, idPair, idKey(service, operator)),
		encode(t, types.OperatorAllowedInKey, idPair, idKey(operator, service)),
	}
	store := ctx.KVStore(storeKey)
	count := func(prefix collections.Prefix) int {
		it := storetypes.KVStorePrefixIterator(store, prefix.Bytes())
		defer it.Close()
		n := 0
		for ; it.Valid(); it.Next() {
			n++
		}
		return n
	}
	for _, e := range want {
		require.Equal(t, []byte{}, store.Get(e.key), "index %x: key %x", e.prefix.Bytes(), e.key)
		require.Equal(t, 1, count(e.prefix), "index %x holds one entry", e.prefix.Bytes())
	}

	joined, err := k.joinedOperators(ctx, service)
	require.NoError(t, err)
	require.Equal(t, []uint32{operator}, joined)
	allowing, err := k.allowingServices(ctx, operator)
	require.NoError(t, err)
	require.Equal(t, []uint32{service}, allowing)

	require.NoError(t, k.removeDelegation(ctx, user, d))
	require.NoError(t, k.unbondings.Remove(ctx, delegationKey(user, opType, target)))
	require.NoError(t, k.leave(ctx, operator, service))
	require.NoError(t, k.setAllowed(ctx, service, operator, false))
	for _, e := range want {
		require.Zero(t, count(e.prefix), "index %x is empty once its set is", e.prefix.Bytes())
	}
}
