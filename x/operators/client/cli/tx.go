// Package cli holds the operators tx commands that autocli cannot build:
// client/v2 v2.0.0-beta.3 sends cosmos.Dec fields as typed, but the chain
// decodes math.LegacyDec from its 18-decimal integer form, so "0.1" would
// be rejected. These commands parse the rates with math.LegacyNewDecFromStr.
package cli

import (
	"fmt"

	"cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/version"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

const (
	flagWebsite    = "website"
	flagPictureURL = "picture-url"
	flagFee        = "fee-amount"
)

// GetTxCmd returns the operators tx root with the commands that take rates;
// autocli adds the others (EnhanceCustomCommand).
func GetTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Operators transaction subcommands",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewRegisterOperatorCmd(), NewSetOperatorParamsCmd())
	return cmd
}

// NewRegisterOperatorCmd builds MsgRegisterOperator.
func NewRegisterOperatorCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "register [moniker] [commission-rate] [max-commission-rate] [max-commission-change-rate]",
		Short: "Register a new operator administered by the sender",
		Long: `Register a new ACTIVE operator. The max commission rate and max change rate
can never be changed later. When the module charges a registration fee, pass
--fee-amount covering it in at least one denom; all of it goes to the community pool.`,
		Example: fmt.Sprintf("%s tx operators register MilkyWay 0.05 0.20 0.01 --website https://milkyway.zone --fee-amount 100umilk --from alice", version.AppName),
		Args:    cobra.ExactArgs(4),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			rates, err := parseRates(args[1:])
			if err != nil {
				return err
			}
			website, _ := cmd.Flags().GetString(flagWebsite)
			picture, _ := cmd.Flags().GetString(flagPictureURL)
			feeStr, _ := cmd.Flags().GetString(flagFee)
			fee, err := sdk.ParseCoinsNormalized(feeStr)
			if err != nil {
				return fmt.Errorf("invalid %s: %w", flagFee, err)
			}
			msg := &types.MsgRegisterOperator{
				Sender: clientCtx.GetFromAddress().String(), Moniker: args[0], Website: website,
				PictureUrl: picture, FeeAmount: fee,
				CommissionRate: rates[0], MaxCommissionRate: rates[1], MaxCommissionChangeRate: rates[2],
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(flagWebsite, "", "website URL of the operator")
	cmd.Flags().String(flagPictureURL, "", "picture URL of the operator")
	cmd.Flags().String(flagFee, "", "registration fee offered, e.g. 100umilk")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewSetOperatorParamsCmd builds MsgSetOperatorParams.
func NewSetOperatorParamsCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "set-params [operator-id] [commission-rate]",
		Short: "Change an operator's commission rate (admin only)",
		Long: `Change the commission rate: at most once per 24 hours, never above the max
rate, and an increase of at most the max change rate set at registration.`,
		Example: fmt.Sprintf("%s tx operators set-params 1 0.06 --from alice", version.AppName),
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			id, err := types.ParseOperatorID(args[0])
			if err != nil {
				return err
			}
			rates, err := parseRates(args[1:])
			if err != nil {
				return err
			}
			msg := &types.MsgSetOperatorParams{
				Sender: clientCtx.GetFromAddress().String(), OperatorId: id, CommissionRate: rates[0],
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// parseRates parses decimal rates such as "0.05".
func parseRates(args []string) ([]math.LegacyDec, error) {
	rates := make([]math.LegacyDec, len(args))
	for i, a := range args {
		r, err := math.LegacyNewDecFromStr(a)
		if err != nil {
			return nil, fmt.Errorf("invalid rate %q: %w", a, err)
		}
		rates[i] = r
	}
	return rates, nil
}
