package cmd

import (
	"fmt"
	"os"
	"strconv"

	sdkmath "cosmossdk.io/math"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	goda "github.com/rollkit/go-da"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

const flagReason = "reason"

// evidenceCommand groups what operators, services and watchers do with
// slashing evidence: make task keys, sign tasks, submit evidence, and
// re-verify evidence from the DA.
func evidenceCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "evidence",
		Short: "Create, submit and verify slashing evidence",
		Long: `Slashing evidence moves through a pipeline: submitted, verified on chain,
pending for the rule's veto window (query slashing pending), then executed at
the end of the block the window closes in, unless the rule's resolver (or
governance) vetoes it with 'tx slashing veto'.

  task-key          create an operator's task signing key
  sign-task         sign a task answer with it (what services collect)
  double-sign       submit two conflicting signed tasks of one operator
  attest            post evidence data to the DA and submit a service slasher's claim
  from-report       turn a full node's fraud report into sequencer evidence
  verify            re-check the evidence of a slash from the DA`,
		RunE: client.ValidateCmd,
	}
	cmd.AddCommand(taskKeyCmd(), signTaskCmd(), doubleSignCmd(), attestCmd(), fromReportCmd(), verifyEvidenceCmd())
	return cmd
}

func taskKeyCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "task-key [file]",
		Short:   "Create an ed25519 task signing key file (mode 0600) and print its public key (hex, for tx slashing register-key)",
		Example: "milkywayd evidence task-key ./task-key.json",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			key := NewTaskKey()
			if err := WriteTaskKey(args[0], key); err != nil {
				return err
			}
			_, err := fmt.Fprintln(cmd.OutOrStdout(), key.PubKey)
			return err
		},
	}
}

func signTaskCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sign-task [key-file] [service-id] [operator-id] [task-id] [height] [payload]",
		Short: "Sign an operator's answer to a service task and print the signed task as JSON",
		Long: `Sign payload (the operator's answer to task task-id, produced at rollup
height height) with the operator's task key, bound to the chain id. Two signed
tasks with one service, operator and task id and different payloads are
double-sign evidence.`,
		Example: "milkywayd evidence sign-task ./task-key.json 2 2 7 120 'price=5.01' --chain-id milkyway-devnet-1",
		Args:    cobra.ExactArgs(6),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx := client.GetClientContextFromCmd(cmd)
			chainID, _ := cmd.Flags().GetString(flags.FlagChainID)
			if chainID == "" {
				chainID = clientCtx.ChainID
			}
			if chainID == "" {
				return fmt.Errorf("--%s is required: signatures are bound to the chain", flags.FlagChainID)
			}
			key, err := LoadTaskKey(args[0])
			if err != nil {
				return err
			}
			nums := make([]uint64, 4)
			for i, arg := range args[1:5] {
				if nums[i], err = strconv.ParseUint(arg, 10, 64); err != nil {
					return fmt.Errorf("invalid number %q: %w", arg, err)
				}
			}
			task, err := slashingtypes.SignedTask{
				ServiceId: uint32(nums[0]), OperatorId: uint32(nums[1]), TaskId: nums[2], Height: int64(nums[3]), Payload: []byte(args[5]),
			}.Sign(chainID, key)
			if err != nil {
				return err
			}
			// Always JSON: the file is read back by double-sign.
			bz, err := clientCtx.Codec.MarshalJSON(&task)
			if err != nil {
				return err
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), string(bz))
			return err
		},
	}
	cmd.Flags().String(flags.FlagChainID, "", "the chain the signature is bound to (default: client.toml's)")
	return cmd
}

func doubleSignCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "double-sign [task-file-1] [task-file-2] [fraction]",
		Short: "Submit two conflicting signed tasks of one operator as double-sign evidence",
		Long: `Submit two signed tasks (JSON from 'evidence sign-task') with the same service,
operator and task id and different payloads. The chain checks both signatures
against the key the operator registered for the service; fraction must not
exceed the service's double-sign rule.`,
		Example: "milkywayd evidence double-sign a.json b.json 0.1 --from watcher",
		Args:    cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			tasks := make([]slashingtypes.SignedTask, 2)
			for i, path := range args[:2] {
				bz, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				if err := clientCtx.Codec.UnmarshalJSON(bz, &tasks[i]); err != nil {
					return fmt.Errorf("%s is not a signed task: %w", path, err)
				}
			}
			fraction, err := parseFraction(args[2])
			if err != nil {
				return err
			}
			msg := &slashingtypes.MsgSubmitDoubleSign{
				Submitter: clientCtx.GetFromAddress().String(), First: tasks[0], Second: tasks[1], Fraction: fraction,
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

func attestCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "attest [service-id] [operator-id] [fraction] [infraction-height] [evidence-file]",
		Short: "Post evidence data to the DA and submit the service slasher's claim against an operator",
		Long: `Post evidence-file as a blob in the chain's evidence namespace (query slashing
params) on the DA, then submit the claim with the blob's DA height and
commitment, signed by --from (the service's slasher). The slash waits at least
the chain's subjective veto window; anyone can fetch the data with
'evidence verify' and the resolver can veto it.`,
		Example: "milkywayd evidence attest 2 2 0.05 120 ./proof.bin --reason 'wrong price' --from oracle-slasher",
		Args:    cobra.ExactArgs(5),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			ids := make([]uint64, 2)
			for i, arg := range args[:2] {
				if ids[i], err = strconv.ParseUint(arg, 10, 32); err != nil {
					return fmt.Errorf("invalid id %q: %w", arg, err)
				}
			}
			fraction, err := parseFraction(args[2])
			if err != nil {
				return err
			}
			height, err := strconv.ParseInt(args[3], 10, 64)
			if err != nil {
				return fmt.Errorf("invalid infraction-height %q: %w", args[3], err)
			}
			data, err := os.ReadFile(args[4])
			if err != nil {
				return err
			}
			params, err := slashingtypes.NewQueryClient(clientCtx).Params(cmd.Context(), &slashingtypes.QueryParamsRequest{})
			if err != nil {
				return fmt.Errorf("reading the evidence namespace: %w", err)
			}
			ptr, err := postBlob(cmd, params.Params.EvidenceNamespace, data)
			if err != nil {
				return err
			}
			reason, _ := cmd.Flags().GetString(flagReason)
			msg := &slashingtypes.MsgSubmitAttestedFault{
				Slasher: clientCtx.GetFromAddress().String(), ServiceId: uint32(ids[0]), OperatorId: uint32(ids[1]),
				Fraction: fraction, InfractionHeight: height, Evidence: ptr, Reason: reason,
			}
			if err := msg.ValidateBasic(); err != nil {
				return err
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "evidence posted at DA height %d, commitment %X\n", ptr.Height, ptr.Commitment)
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	cmd.Flags().String(flagReason, "", "what the operator did (stored with the slash)")
	addDAFlags(cmd)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// postBlob submits data to the DA in namespace ns and returns where it is.
func postBlob(cmd *cobra.Command, ns, data []byte) (slashingtypes.DAPointer, error) {
	client, err := daClientFromFlags(cmd)
	if err != nil {
		return slashingtypes.DAPointer{}, err
	}
	ids, err := client.Submit(cmd.Context(), [][]byte{data}, -1, ns)
	if err != nil {
		return slashingtypes.DAPointer{}, fmt.Errorf("posting to the DA: %w", err)
	}
	height, commitment, err := da.SplitID(ids[0])
	if err != nil {
		return slashingtypes.DAPointer{}, err
	}
	return slashingtypes.DAPointer{Namespace: ns, Height: height, Commitment: commitment}, nil
}

func addDAFlags(cmd *cobra.Command) {
	cmd.Flags().String(flagDAURL, defaultDAAddress, "DA JSON-RPC address: a celestia-node (light node port 26658) or the mock DA")
	cmd.Flags().String(flagDAToken, "", "DA auth token (celestia light node)")
}

func daClientFromFlags(cmd *cobra.Command) (goda.DA, error) {
	url, _ := cmd.Flags().GetString(flagDAURL)
	token, _ := cmd.Flags().GetString(flagDAToken)
	return celestia.Connect(cmd.Context(), url, token)
}

func parseFraction(s string) (sdkmath.LegacyDec, error) {
	f, err := sdkmath.LegacyNewDecFromStr(s)
	if err != nil || slashingtypes.ValidateFraction(f) != nil {
		return sdkmath.LegacyDec{}, fmt.Errorf("fraction %q must be a decimal in (0, 1], e.g. 0.1", s)
	}
	return f, nil
}
