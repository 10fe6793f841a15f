package operators_test

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

	"github.com/milkyway-labs/milkyway-rollup/x/operators"
	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

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
	operators.AppModule{}.RegisterInterfaces(registry)
	return registry
}

// Every Msg declares its signer, and the signer is the sender (or the
// authority for MsgUpdateParams).
func TestMsgSigners(t *testing.T) {
	registry := newRegistry(t)
	require.NoError(t, registry.SigningContext().Validate())
	cdc := codec.NewProtoCodec(registry)
	signer := sdk.AccAddress("signer______________")
	s := signer.String()
	for _, msg := range []sdk.Msg{
		&types.MsgRegisterOperator{Sender: s},
		&types.MsgUpdateOperator{Sender: s},
		&types.MsgDeactivateOperator{Sender: s},
		&types.MsgReactivateOperator{Sender: s},
		&types.MsgDeleteOperator{Sender: s},
		&types.MsgTransferOperatorOwnership{Sender: s},
		&types.MsgSetOperatorParams{Sender: s},
		&types.MsgUpdateParams{Authority: s},
	} {
		signers, _, err := cdc.GetMsgV1Signers(msg)
		require.NoError(t, err, sdk.MsgTypeURL(msg))
		require.Equal(t, [][]byte{signer}, signers, sdk.MsgTypeURL(msg))
	}
}

// The autocli options name only existing RPCs and proto fields, and with
// the custom commands every Msg and Query has a command.
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
	opts := operators.AppModule{}.AutoCLIOptions()

	query := &cobra.Command{Use: "operators"}
	query.SetContext(context.Background())
	require.NoError(t, b.AddQueryServiceCommands(query, opts.Query))
	require.ElementsMatch(t, []string{"operator", "operators", "operator-params", "params"}, names(query))

	tx := operators.AppModule{}.GetTxCmd()
	tx.SetContext(context.Background())
	require.NoError(t, b.AddMsgServiceCommands(tx, opts.Tx))
	require.ElementsMatch(t, []string{
		"register", "set-params", "update", "deactivate", "reactivate", "delete", "transfer-ownership", "update-params",
	}, names(tx))

	// Omitted update flags keep the current value.
	update, _, err := tx.Find([]string{"update"})
	require.NoError(t, err)
	for _, name := range []string{"moniker", "website", "picture-url"} {
		f := update.Flags().Lookup(name)
		require.NotNil(t, f, name)
		require.Equal(t, types.DoNotModify, f.Value.String(), name)
	}
}

func names(cmd *cobra.Command) []string {
	var out []string
	for _, c := range cmd.Commands() {
		out = append(out, c.Name())
	}
	return out
}
