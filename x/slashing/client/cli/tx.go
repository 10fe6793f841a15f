// Package cli holds the slashing tx commands autocli cannot build well: a
// rule list with durations and decimals, and a raw ed25519 key. (Files are
// read by the `milkywayd evidence` commands, outside the module.)
package cli

import (
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// FlagSlasher names who signs attested faults.
const FlagSlasher = "slasher"

// GetTxCmd returns the slashing tx root with set-rules and register-key;
// autocli adds veto and unjail.
func GetTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use: types.ModuleName, Short: "Slashing transaction subcommands (evidence: see `milkywayd evidence`)",
		SuggestionsMinimumDistance: 2, RunE: client.ValidateCmd,
	}
	cmd.AddCommand(NewSetRulesCmd(), NewRegisterKeyCmd())
	return cmd
}

// NewSetRulesCmd builds MsgSetSlashingRules from a JSON file.
func NewSetRulesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "set-rules [service-id] [rules-json]",
		Short: "Replace a service's slashing rules (service admin)",
		Long: `Replace the slashing rules of a service. rules-json is a JSON list, one rule per
fault kind (FAULT_KIND_DOUBLE_SIGN, FAULT_KIND_ATTESTED, FAULT_KIND_EQUIVOCATION,
FAULT_KIND_STATE_MISMATCH):

  [{"kind": "FAULT_KIND_DOUBLE_SIGN", "max_fraction": "0.1", "jail_duration": "86400s",
    "veto_window": "600s", "recipient": "", "resolver": ""}]

max_fraction is the most one piece of evidence may slash; recipient empty burns
the slashed tokens; resolver empty lets governance veto. Every value must fit
the chain's bounds (query slashing params); attested faults need a veto window
of at least min_subjective_veto_window. --slasher names who may submit attested
faults (default: the service admin).`,
		Example: `milkywayd tx slashing set-rules 2 '[{"kind":"FAULT_KIND_DOUBLE_SIGN","max_fraction":"0.1","jail_duration":"3600s","veto_window":"600s"}]' --from alice`,
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			serviceID, err := strconv.ParseUint(args[0], 10, 32)
			if err != nil {
				return fmt.Errorf("invalid service-id %q: %w", args[0], err)
			}
			// The list is read through the proto JSON of a config so
			// durations and decimals parse as on chain.
			var cfg types.ServiceSlashingConfig
			if err := clientCtx.Codec.UnmarshalJSON([]byte(`{"rules":`+args[1]+`}`), &cfg); err != nil {
				return fmt.Errorf("rules-json: %w", err)
			}
			slasher, _ := cmd.Flags().GetString(FlagSlasher)
			msg := &types.MsgSetSlashingRules{
				Sender: clientCtx.GetFromAddress().String(), ServiceId: uint32(serviceID), Slasher: slasher, Rules: cfg.Rules,
			}
			if err := msg.ValidateBasic(); err != nil {
				return err
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(FlagSlasher, "", "address allowed to submit attested faults (default: the service admin)")
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// NewRegisterKeyCmd builds MsgRegisterOperatorKey.
func NewRegisterKeyCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "register-key [operator-id] [service-id] [pubkey-hex]",
		Short: "Register the ed25519 key an operator signs a service's tasks with (operator admin)",
		Long: `Register the key an operator signs a service's tasks with. Two different
payloads signed with it for one task are double-sign evidence, so registering
is the operator's consent to the service's double-sign rule. A key cannot be
replaced. Create one with 'milkywayd evidence task-key [file]', which prints
the public key.`,
		Example: "milkywayd tx slashing register-key 2 2 $(milkywayd evidence task-key ./task-key.json) --from bob",
		Args:    cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			ids := make([]uint32, 2)
			for i, arg := range args[:2] {
				id, err := strconv.ParseUint(arg, 10, 32)
				if err != nil {
					return fmt.Errorf("invalid id %q: %w", arg, err)
				}
				ids[i] = uint32(id)
			}
			pub, err := hex.DecodeString(args[2])
			if err != nil {
				return fmt.Errorf("pubkey-hex %q: %w", args[2], err)
			}
			msg := &types.MsgRegisterOperatorKey{
				Sender: clientCtx.GetFromAddress().String(), OperatorId: ids[0], ServiceId: ids[1], PubKey: pub,
			}
			if err := msg.ValidateBasic(); err != nil {
				return err
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}
