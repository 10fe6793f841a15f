package cmd

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	rollkittypes "github.com/rollkit/rollkit/types"
	pb "github.com/rollkit/rollkit/types/pb/rollkit"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/blobenc"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

func fromReportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "from-report [report-file] [fraction]",
		Short: "Submit a full node's fraud report (data/fraud/*.json) as evidence against the sequencer",
		Long: `Turn a fraud report written by a full node into evidence against the sequencer,
operator of the chain's sequencing service:

  equivocation     two sequencer-signed headers for one height; the chain checks
                   both signatures (objective), then the sequencing rule's veto
                   window runs.
  state_mismatch   the header whose app hash re-execution disputes, the app hash
                   the node computed, and the DA location of the executed block
                   (looked up on --da-url). The chain checks the header is the
                   sequencer's; the claim itself waits out the veto window, with
                   governance as resolver unless the rule names one.
  censorship       a transaction of the forced-inclusion lane left out of every
                   sequencer block below the first one posted to the DA after its
                   deadline (docs/adr/004-forced-inclusion.md): the forced blob's
                   DA pointer in the lane namespace and the tx hash, and the late
                   block's signed header and DA pointer, all taken from the report
                   (no DA lookup). The chain checks the lane namespace, that the
                   late block is past the deadline and that its header is the
                   sequencer's; that the tx is in no earlier block is checked from
                   the DA by anyone ('evidence verify') during the veto window.
                   Submitting it escrows the slashing params' bond (state_mismatch_bond),
                   burned if the evidence is vetoed. To get it in even if the
                   sequencer censors it too, build it with --generate-only, sign
                   it, and post it with 'milkywayd da force-include'.

Anyone's evidence executes at the sequencing rule's maximum fraction; fraction
must not exceed it (query slashing rules).`,
		Example: "milkywayd evidence from-report ~/.milkyway/data/fraud/equivocation-12-40.json 0.1 --from watcher",
		Args:    cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			report, err := fraud.Load(args[0])
			if err != nil {
				return err
			}
			fraction, err := parseFraction(args[1])
			if err != nil {
				return err
			}
			msg, err := reportEvidence(cmd, report, clientCtx.GetFromAddress(), fraction)
			if err != nil {
				return err
			}
			if err := msg.ValidateBasic(); err != nil {
				return err
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	addDAFlags(cmd)
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// reportEvidence builds the Msg for a report.
func reportEvidence(cmd *cobra.Command, r *fraud.Report, submitter sdk.AccAddress, f sdkmath.LegacyDec) (evidenceMsg, error) {
	switch r.Kind {
	case fraud.KindEquivocation:
		if len(r.Headers) != 2 {
			return nil, fmt.Errorf("equivocation report with %d headers, want 2", len(r.Headers))
		}
		return &slashingtypes.MsgSubmitEquivocation{
			Submitter: submitter.String(), FirstHeader: r.Headers[0].SignedHeader, SecondHeader: r.Headers[1].SignedHeader, Fraction: f,
		}, nil
	case fraud.KindStateMismatch:
		if r.Block == nil || r.NextHeader == nil {
			return nil, fmt.Errorf("state mismatch report at height %d has no executed block to point at", r.Height)
		}
		expected, err := hex.DecodeString(r.ExpectedAppHash)
		if err != nil {
			return nil, fmt.Errorf("expected_app_hash: %w", err)
		}
		ptr, err := locateBlock(cmd, r)
		if err != nil {
			return nil, err
		}
		return &slashingtypes.MsgSubmitStateMismatch{
			Submitter: submitter.String(), Header: r.NextHeader.SignedHeader, ExpectedAppHash: expected, Block: ptr, Fraction: f,
		}, nil
	case fraud.KindCensorship:
		return censorshipEvidence(r, submitter, f)
	default:
		return nil, fmt.Errorf("unknown report kind %q", r.Kind)
	}
}

// censorshipEvidence builds the Msg for a censorship report from the report
// alone (it names both DA pointers): the forced tx's blob in the lane
// namespace, its hash, and the header and blob of the first sequencer
// block posted after the deadline, in the chain namespace.
func censorshipEvidence(r *fraud.Report, submitter sdk.AccAddress, f sdkmath.LegacyDec) (*slashingtypes.MsgSubmitCensorship, error) {
	if r.Forced == nil || r.LateHeader == nil || r.LateBlockID == "" {
		return nil, fmt.Errorf("censorship report at height %d lacks forced_tx, late_header or late_block_id", r.Height)
	}
	lane, err := da.ParseNamespace(r.Forced.Namespace)
	if err != nil {
		return nil, fmt.Errorf("forced_tx.da_namespace: %w", err)
	}
	commitment, err := hex.DecodeString(r.Forced.Commitment)
	if err != nil || len(commitment) == 0 {
		return nil, fmt.Errorf("forced_tx.commitment %q is not hex", r.Forced.Commitment)
	}
	txHash, err := hex.DecodeString(r.Forced.TxHash)
	if err != nil {
		return nil, fmt.Errorf("forced_tx.tx_hash %q is not hex", r.Forced.TxHash)
	}
	if len(r.Forced.Tx) > 0 {
		if sum := sha256.Sum256(r.Forced.Tx); !bytes.Equal(sum[:], txHash) {
			return nil, fmt.Errorf("forced_tx.tx does not hash to tx_hash %s", r.Forced.TxHash)
		}
	}
	chain, err := da.ParseNamespace(r.Namespace)
	if err != nil {
		return nil, fmt.Errorf("da_namespace: %w", err)
	}
	id, err := hex.DecodeString(r.LateBlockID)
	if err != nil {
		return nil, fmt.Errorf("late_block_id %q is not hex", r.LateBlockID)
	}
	lateHeight, lateCommitment, err := da.SplitID(id)
	if err != nil {
		return nil, fmt.Errorf("late_block_id: %w", err)
	}
	return &slashingtypes.MsgSubmitCensorship{
		Submitter:  submitter.String(),
		ForcedTx:   slashingtypes.DAPointer{Namespace: lane.Bytes(), Height: r.Forced.DAHeight, Commitment: commitment},
		TxHash:     txHash,
		LateHeader: r.LateHeader.SignedHeader,
		LateBlock:  slashingtypes.DAPointer{Namespace: chain.Bytes(), Height: lateHeight, Commitment: lateCommitment},
		Fraction:   f,
	}, nil
}

// locateBlock finds the report's block among the blobs at its DA height and
// returns its DA pointer (the commitment comes from the DA's own ID, so it
// is over the blob as posted: compressed when the sequencer compressed it).
func locateBlock(cmd *cobra.Command, r *fraud.Report) (slashingtypes.DAPointer, error) {
	ns, err := da.ParseNamespace(r.Namespace)
	if err != nil {
		return slashingtypes.DAPointer{}, err
	}
	client, err := daClientFromFlags(cmd)
	if err != nil {
		return slashingtypes.DAPointer{}, err
	}
	ids, err := client.GetIDs(cmd.Context(), r.Block.DAHeight, ns.Bytes())
	if err != nil {
		return slashingtypes.DAPointer{}, fmt.Errorf("DA height %d: %w", r.Block.DAHeight, err)
	}
	blobs, err := client.Get(cmd.Context(), ids, ns.Bytes())
	if err != nil {
		return slashingtypes.DAPointer{}, err
	}
	want, err := r.Block.Decode()
	if err != nil {
		return slashingtypes.DAPointer{}, err
	}
	for i, blob := range blobs {
		b, err := decodeBlock(blob)
		if err == nil && bytes.Equal(b.Hash(), want.Hash()) {
			height, commitment, err := da.SplitID(ids[i])
			return slashingtypes.DAPointer{Namespace: ns.Bytes(), Height: height, Commitment: commitment}, err
		}
	}
	return slashingtypes.DAPointer{}, fmt.Errorf("block %d is not among the blobs at DA height %d", r.Height, r.Block.DAHeight)
}

// evidenceMsg is a slashing evidence Msg.
type evidenceMsg interface {
	sdk.Msg
	ValidateBasic() error
}

// decodeBlock decodes a DA blob (an envelope or a legacy raw block, see
// da/blobenc) as a rollkit block (no signature check).
func decodeBlock(blob []byte) (*rollkittypes.Block, error) {
	raw, _, err := blobenc.Decode(blob)
	if err != nil {
		return nil, err
	}
	var msg pb.Block
	if err := msg.Unmarshal(raw); err != nil {
		return nil, err
	}
	b := new(rollkittypes.Block)
	return b, b.FromProto(&msg)
}
