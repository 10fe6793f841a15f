// Package cli holds the rewards tx commands autocli cannot build: client/v2
// v2.0.0-beta.3 has no good way to enter the nested Distribution messages
// and the Timestamps of a plan, so create-plan and edit-plan take them as
// flags and RFC3339 arguments.
package cli

import (
	"fmt"
	"strconv"
	"time"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/version"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// FlagDescription is the plan's description.
const FlagDescription = "description"

// GetTxCmd returns the rewards tx root with the plan commands; autocli adds
// the others (EnhanceCustomCommand).
func GetTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Rewards transaction subcommands",
		DisableFlagParsing:         false,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewCreatePlanCmd(), NewEditPlanCmd())
	return cmd
}

// NewCreatePlanCmd builds MsgCreateRewardsPlan.
func NewCreatePlanCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "create-plan [service-id] [amount-per-day] [start-time] [end-time] [funds]",
		Short: "Create a rewards plan for a service and fund it (service admin)",
		Long: `Create a rewards plan paying amount-per-day, continuously, to the restakers
securing the service between start-time and end-time (RFC3339, e.g.
2025-01-01T00:00:00Z). funds, in the denom of amount-per-day, is moved from the
sender into the plan's escrow as its first budget; add more with top-up-plan.
When the module charges a plan creation fee (query rewards params), the sender
also pays it to the community pool.

` + distributionHelp,
		Example: fmt.Sprintf(`%[1]s tx rewards create-plan 1 1000000umilk 2025-01-01T00:00:00Z 2025-03-01T00:00:00Z 30000000umilk --description "Q1 rewards" --from alice
%[1]s tx rewards create-plan 1 1000000umilk 2025-01-01T00:00:00Z 2025-03-01T00:00:00Z 30000000umilk --pools-weight 1 --operators-weight 1 --users-weight 2 --pools-type weighted --pools-weights 1=3,2=1 --from alice`,
			version.AppName),
		Args: cobra.ExactArgs(5),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			serviceID, err := strconv.ParseUint(args[0], 10, 32)
			if err != nil {
				return fmt.Errorf("invalid service-id %q: %w", args[0], err)
			}
			terms, err := parsePlanTerms(cmd, args[1:4])
			if err != nil {
				return err
			}
			funds, err := parseCoin("funds", args[4])
			if err != nil {
				return err
			}
			msg := &types.MsgCreateRewardsPlan{
				Sender: clientCtx.GetFromAddress().String(), ServiceId: uint32(serviceID),
				Description: terms.Description, AmountPerDay: terms.AmountPerDay,
				StartTime: terms.StartTime, EndTime: terms.EndTime,
				PoolsDistribution: terms.Pools, OperatorsDistribution: terms.Operators,
				UsersDistribution: terms.Users, Funds: funds,
			}
			if err := msg.ValidateBasic(); err != nil {
				return err
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	addPlanFlags(cmd)
	return cmd
}

// NewEditPlanCmd builds MsgEditRewardsPlan.
func NewEditPlanCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "edit-plan [plan-id] [amount-per-day] [start-time] [end-time]",
		Short: "Replace the terms of a rewards plan that has not ended (service admin)",
		Long: `Replace all the terms of a plan that has not ended: description, amount-per-day,
start-time and end-time (RFC3339, e.g. 2025-01-01T00:00:00Z) and the
distribution. Flags left out take their defaults, not the plan's current
values. amount-per-day keeps the plan's denom. What was due under the old rate
stays due; the budget is unchanged (use top-up-plan to add to it).

` + distributionHelp,
		Example: fmt.Sprintf(`%s tx rewards edit-plan 1 2000000umilk 2025-01-01T00:00:00Z 2025-06-01T00:00:00Z --description "Q1-Q2 rewards" --operators-type egalitarian --from alice`,
			version.AppName),
		Args: cobra.ExactArgs(4),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			planID, err := strconv.ParseUint(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("invalid plan-id %q: %w", args[0], err)
			}
			terms, err := parsePlanTerms(cmd, args[1:4])
			if err != nil {
				return err
			}
			msg := &types.MsgEditRewardsPlan{
				Sender: clientCtx.GetFromAddress().String(), PlanId: planID,
				Description: terms.Description, AmountPerDay: terms.AmountPerDay,
				StartTime: terms.StartTime, EndTime: terms.EndTime,
				PoolsDistribution: terms.Pools, OperatorsDistribution: terms.Operators,
				UsersDistribution: terms.Users,
			}
			if err := msg.ValidateBasic(); err != nil {
				return err
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	addPlanFlags(cmd)
	return cmd
}

// addPlanFlags adds the plan term and tx flags to a plan command.
func addPlanFlags(cmd *cobra.Command) {
	cmd.Flags().String(FlagDescription, "", "description of the plan")
	addDistributionFlags(cmd)
	flags.AddTxFlagsToCmd(cmd)
}

// planTerms are the terms create-plan and edit-plan share.
type planTerms struct {
	Description        string
	AmountPerDay       sdk.Coin
	StartTime, EndTime time.Time
	Pools, Operators   types.Distribution
	Users              types.UsersDistribution
}

// parsePlanTerms reads [amount-per-day] [start-time] [end-time] and the
// description and distribution flags.
func parsePlanTerms(cmd *cobra.Command, args []string) (planTerms, error) {
	amountPerDay, err := parseCoin("amount-per-day", args[0])
	if err != nil {
		return planTerms{}, err
	}
	start, err := parseTime("start-time", args[1])
	if err != nil {
		return planTerms{}, err
	}
	end, err := parseTime("end-time", args[2])
	if err != nil {
		return planTerms{}, err
	}
	description, err := cmd.Flags().GetString(FlagDescription)
	if err != nil {
		return planTerms{}, err
	}
	pools, operators, users, err := DistributionsFromFlags(cmd.Flags())
	if err != nil {
		return planTerms{}, err
	}
	return planTerms{
		Description: description, AmountPerDay: amountPerDay, StartTime: start, EndTime: end,
		Pools: pools, Operators: operators, Users: users,
	}, nil
}

// parseCoin parses one coin such as 1000000umilk.
func parseCoin(arg, s string) (sdk.Coin, error) {
	coin, err := sdk.ParseCoinNormalized(s)
	if err != nil {
		return sdk.Coin{}, fmt.Errorf("invalid %s %q: want one coin such as 1000000umilk: %w", arg, s, err)
	}
	return coin, nil
}

// parseTime parses an RFC3339 time.
func parseTime(arg, s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("invalid %s %q: want an RFC3339 time such as 2025-01-01T00:00:00Z: %w", arg, s, err)
	}
	return t.UTC(), nil
}
