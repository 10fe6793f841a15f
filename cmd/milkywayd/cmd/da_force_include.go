package cmd

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	goda "github.com/rollkit/go-da"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/da"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

const (
	flagDAGasPrice = "da-gas-price"
	flagMaxTxBytes = "max-tx-bytes"
)

// forceIncluded is what `da force-include` prints.
type forceIncluded struct {
	DAHeight uint64 `json:"da_height"`
	// Namespace is the lane's namespace (hex); with DAHeight and
	// Commitment it is the blob's DA pointer (censorship evidence).
	Namespace  string `json:"namespace"`
	Commitment string `json:"commitment"`
	// TxHash is the SHA-256 of the tx bytes, upper-case hex, what
	// `milkywayd q tx` looks up once the tx is in a block.
	TxHash string `json:"tx_hash"`
	// Deadline is the last DA height a sequencer block carrying the tx may
	// be posted at; omitted when the lane's rules are not known (offline).
	Deadline uint64 `json:"deadline_da_height,omitempty"`
}

func daForceIncludeCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "force-include [tx-file]",
		Short: "Post a signed transaction to the forced-inclusion lane on the DA: the sequencer must include it by a deadline",
		Long: `Post a signed transaction straight to the DA, into the chain's forced-inclusion
lane, without asking the sequencer. The lane is a second Celestia namespace next
to the chain's own (x/sequencer genesis: forced_inclusion). Anyone can write to
it by paying for the blob. The sequencer must put every transaction of the lane
into a block posted to the DA by its deadline: the last DA height of the epoch
(epoch_length DA blocks) that comes grace_epochs epochs after the one the blob
landed in. It takes them in DA order, within each epoch's byte budget, before its
mempool, and includes them even if they then fail (with their error code).

If the sequencer leaves the transaction out past the deadline, full nodes write a
censorship fraud report and stop following it, and 'milkywayd evidence
from-report' turns the report into slashable evidence against the sequencing
service. That evidence transaction can be posted here too, so a sequencer cannot
censor its own accusation.

The tx file is a signed transaction as JSON:

  milkywayd tx ... --generate-only > unsigned.json
  milkywayd tx sign unsigned.json --from me --chain-id <chain-id> > signed.json
  milkywayd da force-include signed.json --node <rpc> --da-url <celestia-node>

It is posted as the raw transaction bytes, one blob. The lane's namespace and
rules are queried from the chain (--node); a transaction over max_tx_bytes is
refused before anything is posted, since every node would skip it. It is also
skipped if the epoch's byte budget is used up by earlier blobs, or if the same
transaction is already in the lane in this epoch; junk in the lane is skipped the
same way. Sign with the account sequence the transaction will have when the
sequencer includes it (about a deadline later); a forced transaction that fails
still counts as included.

--namespace (hex) skips the chain query, for use without a node: then the
deadline is not printed and --max-tx-bytes is the size limit.

Prints JSON: {"da_height", "namespace", "commitment", "tx_hash", "deadline_da_height"}.
The DA height and commitment locate the blob (censorship evidence names them);
tx_hash is what 'milkywayd q tx' finds once the transaction is in a block.

The rule in full: docs/adr/004-forced-inclusion.md.`,
		Example: `milkywayd da force-include signed.json --node tcp://127.0.0.1:26657 --da-url http://127.0.0.1:26658 --da-auth-token $TOKEN
milkywayd da force-include signed.json --namespace 6d696c6b79666f726365 --da-url http://127.0.0.1:7980`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx := client.GetClientContextFromCmd(cmd)
			tx, err := readSignedTx(clientCtx, args[0])
			if err != nil {
				return err
			}
			rules, err := laneRulesFromFlags(cmd)
			if err != nil {
				return err
			}
			dal, err := daClientFromFlags(cmd)
			if err != nil {
				return err
			}
			gasPrice, _ := cmd.Flags().GetFloat64(flagDAGasPrice)
			res, err := forceInclude(cmd.Context(), dal, rules, tx, gasPrice)
			if err != nil {
				return err
			}
			if rules.EpochLength > 0 && !rules.Counts(res.DAHeight) {
				fmt.Fprintf(cmd.ErrOrStderr(), "warning: DA height %d is below the lane's start (%d): nodes ignore this blob\n", res.DAHeight, rules.StartDaHeight)
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			return enc.Encode(res)
		},
	}
	cmd.Flags().String(flagNamespace, "", "the lane's DA namespace, hex (58 characters, or a v0 id of up to 20: 6d696c6b79666f726365 is the default \"milkyforce\"); skips querying the chain for the lane's rules")
	cmd.Flags().Uint64(flagMaxTxBytes, sequencertypes.DefaultLaneMaxTxBytes, "with --namespace: the lane's max_tx_bytes (otherwise the chain's)")
	cmd.Flags().Float64(flagDAGasPrice, -1, "gas price of the Celestia blob transaction (-1: the DA node picks)")
	addDAFlags(cmd)
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

// readSignedTx reads a signed transaction as JSON (what 'tx sign' writes)
// and returns its bytes as the chain encodes them.
func readSignedTx(clientCtx client.Context, path string) ([]byte, error) {
	if clientCtx.TxConfig == nil {
		return nil, errors.New("no tx config in the client context")
	}
	bz, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading the tx file: %w", err)
	}
	tx, err := clientCtx.TxConfig.TxJSONDecoder()(bz)
	if err != nil {
		return nil, fmt.Errorf("%s is not a transaction as JSON (the output of 'milkywayd tx sign'): %w", path, err)
	}
	sigTx, ok := tx.(authsigning.Tx)
	if !ok {
		return nil, fmt.Errorf("%s: not a signable transaction", path)
	}
	sigs, err := sigTx.GetSignaturesV2()
	if err != nil {
		return nil, fmt.Errorf("%s: signatures: %w", path, err)
	}
	if len(sigs) == 0 || !allSigned(sigs) {
		return nil, fmt.Errorf("%s is not signed: sign it with 'milkywayd tx sign' first (an unsigned tx would only fail in the block)", path)
	}
	return clientCtx.TxConfig.TxEncoder()(tx)
}

// allSigned says whether every signature carries signature bytes.
func allSigned(sigs []signing.SignatureV2) bool {
	for _, s := range sigs {
		switch d := s.Data.(type) {
		case *signing.SingleSignatureData:
			if len(d.Signature) == 0 {
				return false
			}
		case *signing.MultiSignatureData:
			if len(d.Signatures) == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// laneRulesFromFlags are the lane's rules: queried from the chain, or, offline,
// just the --namespace and --max-tx-bytes flags.
func laneRulesFromFlags(cmd *cobra.Command) (sequencertypes.ForcedInclusion, error) {
	if nsFlag, _ := cmd.Flags().GetString(flagNamespace); nsFlag != "" {
		ns, err := da.ParseNamespace(nsFlag)
		if err != nil {
			return sequencertypes.ForcedInclusion{}, fmt.Errorf("--%s: %w", flagNamespace, err)
		}
		maxBytes, _ := cmd.Flags().GetUint64(flagMaxTxBytes)
		return sequencertypes.ForcedInclusion{Namespace: ns.Bytes(), MaxTxBytes: maxBytes}, nil
	}
	clientCtx, err := client.GetClientQueryContext(cmd)
	if err != nil {
		return sequencertypes.ForcedInclusion{}, err
	}
	res, err := sequencertypes.NewQueryClient(clientCtx).Sequencer(cmd.Context(), &sequencertypes.QuerySequencerRequest{})
	if err != nil {
		return sequencertypes.ForcedInclusion{}, fmt.Errorf("reading the lane's rules from the chain (or pass --%s): %w", flagNamespace, err)
	}
	if !res.ForcedInclusion.Enabled() {
		return sequencertypes.ForcedInclusion{}, errors.New("this chain has no forced-inclusion lane (x/sequencer genesis forced_inclusion is empty)")
	}
	return res.ForcedInclusion, nil
}

// forceInclude posts tx as one blob to the lane. rules without an epoch
// length (offline) give no deadline; without max_tx_bytes, no size limit
// but the DA client's.
func forceInclude(ctx context.Context, dal goda.DA, rules sequencertypes.ForcedInclusion, tx []byte, gasPrice float64) (forceIncluded, error) {
	if rules.MaxTxBytes > 0 && uint64(len(tx)) > rules.MaxTxBytes {
		return forceIncluded{}, fmt.Errorf("the transaction has %d bytes, over the lane's max_tx_bytes %d: every node would skip it, so it is not posted", len(tx), rules.MaxTxBytes)
	}
	ids, err := dal.Submit(ctx, [][]byte{tx}, gasPrice, rules.Namespace)
	if err != nil {
		return forceIncluded{}, fmt.Errorf("posting to the lane: %w", err)
	}
	if len(ids) != 1 {
		return forceIncluded{}, fmt.Errorf("posting to the lane: the DA returned %d ids for 1 blob", len(ids))
	}
	height, commitment, err := da.SplitID(ids[0])
	if err != nil {
		return forceIncluded{}, err
	}
	sum := sha256.Sum256(tx)
	res := forceIncluded{
		DAHeight: height, Namespace: hex.EncodeToString(rules.Namespace), Commitment: hex.EncodeToString(commitment),
		TxHash: fmt.Sprintf("%X", sum),
	}
	if rules.EpochLength > 0 {
		res.Deadline = rules.Deadline(height)
	}
	return res, nil
}
