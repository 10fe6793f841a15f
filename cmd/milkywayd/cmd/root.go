// Package cmd holds milkywayd's commands.
package cmd

import (
	"os"
	"path/filepath"

	"cosmossdk.io/log"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/config"
	"github.com/cosmos/cosmos-sdk/client/debug"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/keys"
	"github.com/cosmos/cosmos-sdk/client/rpc"
	"github.com/cosmos/cosmos-sdk/server"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	authcmd "github.com/cosmos/cosmos-sdk/x/auth/client/cli"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/app"
)

// DefaultNodeHome is where milkywayd keeps its config and data by default.
var DefaultNodeHome = filepath.Join(userHome(), ".milkyway")

func userHome() string {
	h, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	return h
}

// NewRootCmd builds milkywayd's command tree.
func NewRootCmd() *cobra.Command {
	// A throwaway app on an in-memory DB gives the CLI the module list,
	// codecs and autocli descriptors without touching a node's data.
	tempDir, _ := os.MkdirTemp("", "milkywayd")
	defer os.RemoveAll(tempDir)
	tempApp := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.NewAppOptionsWithFlagHome(tempDir))
	enc := app.MakeEncodingConfig()

	initClientCtx := client.Context{}.
		WithCodec(tempApp.AppCodec()).
		WithInterfaceRegistry(tempApp.InterfaceRegistry()).
		WithTxConfig(tempApp.TxConfig()).
		WithLegacyAmino(enc.Amino).
		WithInput(os.Stdin).
		WithAccountRetriever(authtypes.AccountRetriever{}).
		WithHomeDir(DefaultNodeHome).
		WithViper("")

	rootCmd := &cobra.Command{
		Use:   "milkywayd",
		Short: "MilkyWay restaking rollup node (rollkit sequencer or full node on Celestia DA)",
		Long: `milkywayd runs the MilkyWay restaking chain as a sovereign rollup.

  milkywayd init <moniker> --chain-id milkyway-devnet-1   create a node home
  milkywayd start --rollkit.aggregator ...                 run the sequencer
  milkywayd start ...                                      run a full node that verifies blocks from DA
  milkywayd da serve                                       run the Celestia-like mock DA
  milkywayd tx / query / keys                              use the chain

See 'milkywayd start --help' for the DA and sequencer settings.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cmd.SetOut(cmd.OutOrStdout())
			cmd.SetErr(cmd.ErrOrStderr())
			clientCtx := initClientCtx.WithCmdContext(cmd.Context())
			clientCtx, err := client.ReadPersistentCommandFlags(clientCtx, cmd.Flags())
			if err != nil {
				return err
			}
			clientCtx, err = config.ReadFromClientConfig(clientCtx)
			if err != nil {
				return err
			}
			if err := client.SetCmdClientContextHandler(clientCtx, cmd); err != nil {
				return err
			}
			appTemplate, appConfig := initAppConfig()
			return server.InterceptConfigsPreRunHandler(cmd, appTemplate, appConfig, initCometConfig())
		},
	}

	rootCmd.AddCommand(
		initCmd(tempApp.BasicModuleManager),
		debug.Cmd(),
	)
	server.AddCommandsWithStartCmdOptions(rootCmd, DefaultNodeHome, newApp, exportApp, server.StartCmdOptions{
		AddFlags:            addStartFlags,
		StartCommandHandler: startRollupNode,
	})
	removeCometOnlyCommands(rootCmd)
	rootCmd.AddCommand(
		server.StatusCommand(),
		genutilcli.Commands(tempApp.TxConfig(), tempApp.BasicModuleManager, DefaultNodeHome),
		queryCommand(),
		txCommand(),
		keys.Commands(),
		daCommand(),
		evidenceCommand(),
		rollupStatusCmd(),
	)

	autoCliOpts := tempApp.AutoCliOpts()
	autoCliOpts.ClientCtx = initClientCtx
	if err := autoCliOpts.EnhanceRootCommand(rootCmd); err != nil {
		panic(err)
	}
	return rootCmd
}

// removeCometOnlyCommands drops server commands that operate on CometBFT's
// block store, which a rollkit node does not have.
func removeCometOnlyCommands(root *cobra.Command) {
	for _, c := range root.Commands() {
		if c.Name() == "rollback" {
			root.RemoveCommand(c)
		}
	}
}

func queryCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "query",
		Aliases:                    []string{"q"},
		Short:                      "Querying subcommands",
		DisableFlagParsing:         false,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		rpc.QueryEventForTxCmd(),
		server.QueryBlockCmd(),
		authcmd.QueryTxsByEventsCmd(),
		server.QueryBlocksCmd(),
		authcmd.QueryTxCmd(),
		server.QueryBlockResultsCmd(),
	)
	return cmd
}

func txCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "tx",
		Short:                      "Transactions subcommands",
		DisableFlagParsing:         false,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(
		authcmd.GetSignCommand(),
		authcmd.GetSignBatchCommand(),
		authcmd.GetMultiSignCommand(),
		authcmd.GetMultiSignBatchCmd(),
		authcmd.GetValidateSignaturesCommand(),
		flags.LineBreak,
		authcmd.GetBroadcastCommand(),
		authcmd.GetEncodeCommand(),
		authcmd.GetDecodeCommand(),
		authcmd.GetSimulateCmd(),
	)
	return cmd
}
