package keeper_test

import (
	"testing"

	storetypes "cosmossdk.io/store/types"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/sequencer/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

func setup(t *testing.T) (keeper.Keeper, sdk.Context) {
	key := storetypes.NewKVStoreKey(types.StoreKey)
	ctx := testutil.DefaultContextWithDB(t, key, storetypes.NewTransientStoreKey("t")).Ctx
	registry := codectypes.NewInterfaceRegistry()
	cryptocodec.RegisterInterfaces(registry)
	return keeper.NewKeeper(codec.NewProtoCodec(registry), runtime.NewKVStoreService(key)), ctx
}

func TestInitGenesisReturnsTheSequencerAsOnlyValidator(t *testing.T) {
	k, ctx := setup(t)
	pk := ed25519.GenPrivKey().PubKey()
	seq, err := types.NewSequencer("seq", pk)
	require.NoError(t, err)

	lane := types.DefaultForcedInclusion()
	updates, err := k.InitGenesis(ctx, &types.GenesisState{Sequencer: seq, ForcedInclusion: lane})
	require.NoError(t, err)
	require.Len(t, updates, 1)
	require.Equal(t, pk.Bytes(), updates[0].PubKey.GetEd25519())
	require.Equal(t, int64(keeper.SequencerPower), updates[0].Power)

	exported, err := k.ExportGenesis(ctx)
	require.NoError(t, err)
	got, err := exported.Sequencer.PubKey()
	require.NoError(t, err)
	require.True(t, pk.Equals(got))
	require.Equal(t, lane, exported.ForcedInclusion, "the lane's rules survive export")

	res, err := k.Sequencer(ctx, &types.QuerySequencerRequest{})
	require.NoError(t, err)
	require.Equal(t, sdk.ConsAddress(pk.Address()).String(), res.ConsensusAddress)
	require.Equal(t, lane, res.ForcedInclusion)
}

func TestNewSequencerRejectsNonEd25519Keys(t *testing.T) {
	_, err := types.NewSequencer("seq", secp256k1.GenPrivKey().PubKey())
	require.ErrorIs(t, err, types.ErrInvalidSequencer)
}

func TestInitGenesisRejections(t *testing.T) {
	tests := []struct {
		name    string
		genesis types.GenesisState
		wantErr error
	}{
		{"no sequencer", types.GenesisState{}, types.ErrNoSequencer},
		{"33-byte key", types.GenesisState{Sequencer: types.Sequencer{Name: "s", ConsensusPubkey: make([]byte, 33)}}, types.ErrInvalidSequencer},
		{"lane without epochs", types.GenesisState{
			Sequencer:       types.Sequencer{Name: "s", ConsensusPubkey: ed25519.GenPrivKey().PubKey().Bytes()},
			ForcedInclusion: types.ForcedInclusion{Namespace: types.DefaultForcedInclusion().Namespace},
		}, types.ErrInvalidForcedInclusion},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			k, ctx := setup(t)
			_, err := k.InitGenesis(ctx, &tc.genesis)
			require.ErrorIs(t, err, tc.wantErr)
			_, err = k.GetSequencer(ctx)
			require.ErrorIs(t, err, types.ErrNoSequencer, "a rejected genesis must store nothing")
		})
	}
}
