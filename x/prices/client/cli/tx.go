// Package cli holds the price feed tx command autocli cannot build:
// client/v2 beta.3 sends cosmos.Dec fields as typed, but the chain decodes
// math.LegacyDec from its 18-decimal integer form, so "5.25" would be
// rejected. post-prices parses prices with math.LegacyNewDecFromStr.
package cli

import (
	"fmt"
	"strings"

	"cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/x/prices/types"
)

// GetTxCmd returns the prices tx root with post-prices.
func GetTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Price feed transaction subcommands",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewPostPricesCmd())
	return cmd
}

// NewPostPricesCmd builds MsgPostPrices from TICKER=PRICE arguments.
func NewPostPricesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:     "post-prices [TICKER=PRICE]...",
		Short:   "Post USD prices (feeders named by governance only)",
		Example: "milkywayd tx prices post-prices TIA=5.25 MILK=0.10 --from feeder1",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			prices, err := ParsePrices(args)
			if err != nil {
				return err
			}
			msg := &types.MsgPostPrices{Feeder: clientCtx.GetFromAddress().String(), Prices: prices}
			if err := msg.ValidateBasic(); err != nil {
				return err
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// ParsePrices turns TICKER=PRICE arguments into ticker prices.
func ParsePrices(args []string) ([]types.TickerPrice, error) {
	prices := make([]types.TickerPrice, 0, len(args))
	for _, arg := range args {
		ticker, value, ok := strings.Cut(arg, "=")
		if !ok {
			return nil, fmt.Errorf("%q: write each price as TICKER=PRICE, e.g. TIA=5.25", arg)
		}
		price, err := math.LegacyNewDecFromStr(value)
		if err != nil {
			return nil, fmt.Errorf("%q: price %q is not a decimal: %w", arg, value, err)
		}
		prices = append(prices, types.TickerPrice{Ticker: ticker, Price: price})
	}
	return prices, nil
}
