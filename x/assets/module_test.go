package assets_test

import (
	"context"
	"testing"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/client/v2/autocli/flag"
	"cosmossdk.io/x/tx/signing"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
	"google.golang.org/protobuf/reflect/protoregistry"

	"github.com/milkyway-labs/milkyway-rollup/x/assets"
	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

func init() {
	sdk.GetConfig().SetBech32PrefixForAccount("milk", "milkpub")
}

func newRegistry(t *testing.T) codectypes.InterfaceRegistry {
	prefix := sdk.GetConfig().GetBech32AccountAddrPrefix()
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          addresscodec.NewBech32Codec(prefix),
			ValidatorAddressCodec: addresscodec.NewBech32Codec(prefix + "valoper"),
		},
	})
	require.NoError(t, err)
	assets.AppModule{}.RegisterInterfaces(registry)
	return registry
}

// Both Msgs are signed by the governance authority.
func TestMsgSigners(t *testing.T) {
	registry := newRegistry(t)
	require.NoError(t, registry.SigningContext().Validate())
	cdc := codec.NewProtoCodec(registry)
	gov := sdk.AccAddress("gov_________________")
	for _, msg := range []sdk.Msg{
		types.NewMsgRegisterAsset(gov.String(), types.NewAsset("uatom", "ATOM", 6)),
		types.NewMsgDeregisterAsset(gov.String(), "uatom"),
	} {
		signers, _, err := cdc.GetMsgV1Signers(msg)
		require.NoError(t, err, sdk.MsgTypeURL(msg))
		require.Equal(t, [][]byte{gov}, signers, sdk.MsgTypeURL(msg))
	}
}

// The autocli options name only existing RPCs and proto fields; the
// governance Msgs get no tx command.
func TestAutoCLICommands(t *testing.T) {
	registry := newRegistry(t)
	prefix := sdk.GetConfig().GetBech32AccountAddrPrefix()
	b := &autocli.Builder{
		Builder: flag.Builder{
			TypeResolver:          protoregistry.GlobalTypes,
			FileResolver:          registry,
			AddressCodec:          addresscodec.NewBech32Codec(prefix),
			ValidatorAddressCodec: addresscodec.NewBech32Codec(prefix + "valoper"),
			ConsensusAddressCodec: addresscodec.NewBech32Codec(prefix + "valcons"),
		},
		AddQueryConnFlags: func(*cobra.Command) {},
		AddTxConnFlags:    func(*cobra.Command) {},
	}
	require.NoError(t, b.ValidateAndComplete())
	opts := assets.AppModule{}.AutoCLIOptions()

	query := &cobra.Command{Use: "assets"}
	query.SetContext(context.Background())
	require.NoError(t, b.AddQueryServiceCommands(query, opts.Query))
	require.ElementsMatch(t, []string{"asset", "assets"}, names(query))
	list, _, err := query.Find([]string{"assets"})
	require.NoError(t, err)
	require.NotNil(t, list.Flags().Lookup("ticker"))

	tx := &cobra.Command{Use: "assets"}
	tx.SetContext(context.Background())
	require.NoError(t, b.AddMsgServiceCommands(tx, opts.Tx))
	require.Empty(t, names(tx))
}

// The default genesis passes the module's own JSON validation, and an
// invalid one does not.
func TestValidateGenesisJSON(t *testing.T) {
	cdc := codec.NewProtoCodec(newRegistry(t))
	m := assets.AppModule{}
	require.NoError(t, m.ValidateGenesis(cdc, nil, m.DefaultGenesis(cdc)))
	bad := cdc.MustMarshalJSON(types.NewGenesisState([]types.Asset{types.NewAsset("uatom", "atom", 6)}))
	require.ErrorIs(t, m.ValidateGenesis(cdc, nil, bad), types.ErrInvalidGenesis)
	require.Error(t, m.ValidateGenesis(cdc, nil, []byte("{")))
}

func names(cmd *cobra.Command) []string {
	var out []string
	for _, c := range cmd.Commands() {
		out = append(out, c.Name())
	}
	return out
}
