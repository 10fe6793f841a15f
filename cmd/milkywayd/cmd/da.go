package cmd

import (
	"fmt"
	"os/signal"
	"syscall"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	golog "github.com/ipfs/go-log/v2"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/da/mockda"
)

const (
	flagDAAddress   = "da.address"
	flagDABlockTime = "da.block-time"
)

func daCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "da",
		Short: "Data-availability tools (the Celestia-like mock DA, the forced-inclusion lane)",
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(daServeCmd(), daInspectCmd(), daForceIncludeCmd())
	return cmd
}

func daServeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the Celestia-like mock DA server (celestia-node blob API, pebble-backed)",
		Long: `Run a mock of a Celestia light node's JSON-RPC API for devnets and tests.

It serves the part of celestia-node's API a rollup uses (blob.Submit,
blob.GetAll, blob.Get, blob.GetProof, blob.Included, header.NetworkHead,
header.GetByHeight, header.WaitForHeight, node.Info, state.Balance) with
celestia-node v0.32.1's encodings and errors, so nodes use the same client
as against Celestia (--rollkit.da_address http://...). It produces a DA
block every --da.block-time, keeps blobs per 29-byte namespace with
go-square share commitments, proves inclusion against each block's data
root, and stores everything in pebble under <home>/data/mockda so a
restart keeps history.`,
		Example: "milkywayd da serve --home ~/.milkyway-da --da.address 127.0.0.1:7980 --da.block-time 1s",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			home, _ := cmd.Flags().GetString(flags.FlagHome)
			addr, _ := cmd.Flags().GetString(flagDAAddress)
			blockTime, _ := cmd.Flags().GetDuration(flagDABlockTime)
			// go-jsonrpc logs every error it returns to a client at ERROR,
			// including the routine "height is from the future" answers.
			_ = golog.SetLogLevel("rpc", "FATAL")

			cfg := mockda.DefaultConfig(home)
			cfg.ListenAddress = addr
			cfg.BlockTime = blockTime
			// The server context's logger honours --log_level/--log_format/--log_no_color.
			logger := server.GetServerContextFromCmd(cmd).Logger.With("module", "mockda")
			srv, err := mockda.New(cfg, logger)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			if err := srv.Start(ctx); err != nil {
				return err
			}
			logger.Info("mock DA serving", "addr", srv.Addr(), "block_time", blockTime.String(), "height", srv.Height())
			<-ctx.Done()
			if err := srv.Stop(); err != nil {
				return fmt.Errorf("stopping the mock DA: %w", err)
			}
			return nil
		},
	}
	cmd.Flags().String(flagDAAddress, mockda.DefaultListenAddress, "host:port to serve JSON-RPC on")
	cmd.Flags().Duration(flagDABlockTime, mockda.DefaultBlockTime, "time between DA blocks")
	cmd.Flags().String(flags.FlagHome, DefaultNodeHome+"-da", "directory for the DA data")
	return cmd
}
