package cmd

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	sdk "github.com/cosmos/cosmos-sdk/types"
	goda "github.com/rollkit/go-da"
	rollkittypes "github.com/rollkit/rollkit/types"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
	slashingtypes "github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

const flagDAFrom = "da-from"

// evidenceCheck is one line of `evidence verify`'s verdict.
type evidenceCheck struct {
	Check  string `json:"check"`
	OK     bool   `json:"ok"`
	Detail string `json:"detail,omitempty"`
}

// evidenceVerdict is what `evidence verify` prints.
type evidenceVerdict struct {
	SlashID      uint64 `json:"slash_id"`
	Kind         string `json:"kind"`
	Status       string `json:"status"`
	DAHeight     uint64 `json:"submitted_in_da_height"`
	RollupHeight uint64 `json:"submitted_in_rollup_height"`
	Verified     bool   `json:"verified"`
	// NeedsReexecution: a state mismatch's claim itself (the app hash) is
	// settled only by re-executing the block on a synced node; verified
	// then covers the signature and data-availability checks.
	NeedsReexecution bool            `json:"needs_reexecution,omitempty"`
	Checks           []evidenceCheck `json:"checks"`
}

func (v *evidenceVerdict) add(check string, ok bool, format string, args ...any) {
	v.Checks = append(v.Checks, evidenceCheck{Check: check, OK: ok, Detail: fmt.Sprintf(format, args...)})
}

func verifyEvidenceCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "verify [slash-id]",
		Short: "Re-verify a slash's evidence from the DA: find the tx that submitted it and check it again",
		Long: `Re-verify the evidence of a slash without trusting the chain's verdict. The slash
names the rollup height its evidence was submitted at; the command scans the
chain's namespace on the DA (from --da-from) for that block, checks the block
is signed by the genesis sequencer (--home's genesis), decodes its txs, finds
the evidence Msg and verifies it again:

  double sign      both task signatures against the operator's registered key
  equivocation     both headers signed by the genesis sequencer, same height, different
  attested fault   the evidence blob is on the DA under the claimed commitment
  state mismatch   the disputed header is the sequencer's and the executed block is on
                   the DA under the claimed commitment; the verdict says
                   needs_reexecution: the app hash claim itself is settled by
                   re-executing that block on a node synced to the height before
  censorship       from the DA, with the lane's rules (x/sequencer, queried from
                   --node): the forced blob is in the lane namespace at its DA
                   height under its commitment, with a valid inclusion proof,
                   hashes to the tx hash, and is admitted by the lane's rule (the
                   lane re-read from its epoch's start: a transaction, within
                   max_tx_bytes and the epoch's byte budget, not a repeat); the
                   late block is on the DA, signed by the sequencer, carries the
                   late header and was posted after the deadline; the tx is in no
                   sequencer block posted to the chain namespace from the forced
                   tx's DA height to the deadline (the scan runs to the first new
                   sequencer block posted after the deadline, B, which the verdict
                   names; a block posted again does not count); and --node's tx
                   index does not have it below B (put in before it was forced).
                   A tx included in time fails the verdict
                   (docs/adr/004-forced-inclusion.md)

It prints a JSON verdict and fails if any check fails.`,
		Example: "milkywayd evidence verify 1 --home ~/.milkyway --da-url http://127.0.0.1:7980 --node tcp://127.0.0.1:26657",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			var id uint64
			if _, err := fmt.Sscan(args[0], &id); err != nil {
				return fmt.Errorf("invalid slash-id %q", args[0])
			}
			res, err := slashingtypes.NewQueryClient(clientCtx).Slash(cmd.Context(), &slashingtypes.QuerySlashRequest{SlashId: id})
			if err != nil {
				return err
			}
			v, err := verifySlash(cmd, clientCtx, res.Slash)
			if err != nil {
				return err
			}
			enc := json.NewEncoder(cmd.OutOrStdout())
			enc.SetIndent("", "  ")
			if err := enc.Encode(v); err != nil {
				return err
			}
			if !v.Verified {
				return fmt.Errorf("slash %d: evidence did not verify", id)
			}
			return nil
		},
	}
	cmd.Flags().Uint64(flagDAFrom, 1, "first DA height to scan for the submitting block")
	cmd.Flags().String(flagNamespace, defaultDANamespace, "the chain's DA namespace")
	cmd.Flags().String(flags.FlagHome, DefaultNodeHome, "node home whose genesis names the chain and its sequencer")
	addDAFlags(cmd)
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

// verifySlash finds the evidence on the DA and checks it.
func verifySlash(cmd *cobra.Command, clientCtx client.Context, slash slashingtypes.Slash) (*evidenceVerdict, error) {
	cfg := server.GetServerContextFromCmd(cmd).Config
	home, _ := cmd.Flags().GetString(flags.FlagHome)
	cfg.SetRoot(home)
	genDoc, err := loadGenesis(cfg)
	if err != nil {
		return nil, err
	}
	if len(genDoc.Validators) != 1 {
		return nil, fmt.Errorf("genesis %s must name exactly one sequencer", cfg.GenesisFile())
	}
	nsFlag, _ := cmd.Flags().GetString(flagNamespace)
	ns, err := da.ParseNamespace(nsFlag)
	if err != nil {
		return nil, err
	}
	client, err := daClientFromFlags(cmd)
	if err != nil {
		return nil, err
	}
	from, _ := cmd.Flags().GetUint64(flagDAFrom)
	v := &evidenceVerdict{SlashID: slash.Id, Kind: slash.Kind.String(), Status: slash.Status.String()}
	verifier := gateway.NewBlockVerifier(genDoc.ChainID, genDoc.Validators[0])
	block, daHeight, err := findRollupBlock(cmd, client, verifier, ns.Bytes(), from, uint64(slash.SubmitHeight))
	if err != nil {
		return nil, err
	}
	v.DAHeight, v.RollupHeight = daHeight, block.Height()
	v.add("submitting block on DA, signed by the sequencer", true, "rollup height %d at DA height %d", block.Height(), daHeight)
	msg, err := findEvidenceMsg(clientCtx, block, slash)
	if err != nil {
		v.add("evidence tx in the block", false, "%s", err)
		return v, nil
	}
	v.add("evidence tx in the block", true, "%s", sdk.MsgTypeURL(msg))
	seqKey := genDoc.Validators[0].PubKey.Bytes()
	checkEvidence(cmd, clientCtx, client, verifier, ns.Bytes(), v, msg, genDoc.ChainID, seqKey)
	v.Verified = true
	for _, c := range v.Checks {
		v.Verified = v.Verified && c.OK
	}
	return v, nil
}

// findRollupBlock scans the chain's namespace from DA height from for the
// sequencer-signed block at rollup height want.
func findRollupBlock(cmd *cobra.Command, client goda.DA, verifier *gateway.BlockVerifier, ns []byte, from, want uint64) (*rollkittypes.Block, uint64, error) {
	for h := max(from, 1); ; h++ {
		blocks, err := sequencerBlocksAt(cmd.Context(), client, verifier, ns, h)
		if errors.Is(err, da.ErrHeightFromFuture) {
			return nil, 0, fmt.Errorf("rollup block %d not found on the DA from height %d to the tip", want, from)
		}
		if err != nil {
			return nil, 0, err
		}
		for _, b := range blocks {
			if b.Height() == want {
				return b, h, nil
			}
		}
	}
}

// sequencerBlocksAt reads the blobs in ns at DA height h and returns those
// that are blocks signed by the genesis sequencer, in DA order; anything
// else in the namespace is skipped, as full nodes skip it. A height past
// the DA's tip is an error wrapping da.ErrHeightFromFuture.
func sequencerBlocksAt(ctx context.Context, client goda.DA, verifier *gateway.BlockVerifier, ns []byte, h uint64) ([]*rollkittypes.Block, error) {
	ids, err := client.GetIDs(ctx, h, ns)
	if err != nil {
		return nil, fmt.Errorf("DA height %d: %w", h, err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	blobs, err := client.Get(ctx, ids, ns)
	if err != nil {
		return nil, fmt.Errorf("DA height %d: %w", h, err)
	}
	var blocks []*rollkittypes.Block
	for _, blob := range blobs {
		if b, err := verifier.Verify(blob); err == nil {
			blocks = append(blocks, b)
		}
	}
	return blocks, nil
}

// findEvidenceMsg decodes the block's txs and returns the evidence Msg whose
// fault id is the slash's.
func findEvidenceMsg(clientCtx client.Context, block *rollkittypes.Block, slash slashingtypes.Slash) (sdk.Msg, error) {
	for _, raw := range block.Data.Txs {
		tx, err := clientCtx.TxConfig.TxDecoder()(raw)
		if err != nil {
			continue
		}
		for _, msg := range tx.GetMsgs() {
			if id := evidenceIDOf(msg); id != nil && bytes.Equal(id, slash.EvidenceHash) {
				return msg, nil
			}
		}
	}
	return nil, fmt.Errorf("no evidence Msg with id %X among the block's %d txs", slash.EvidenceHash, len(block.Data.Txs))
}

// evidenceIDOf recomputes a Msg's fault id the way the keeper does.
func evidenceIDOf(msg sdk.Msg) []byte {
	switch m := msg.(type) {
	case *slashingtypes.MsgSubmitDoubleSign:
		return slashingtypes.EvidenceID(slashingtypes.FAULT_KIND_DOUBLE_SIGN, uint64(m.First.ServiceId), uint64(m.First.OperatorId), m.First.TaskId)
	case *slashingtypes.MsgSubmitAttestedFault:
		return slashingtypes.AttestedEvidenceID(m.ServiceId, m.OperatorId, m.Evidence)
	case *slashingtypes.MsgSubmitEquivocation:
		if h, err := headerHeight(m.FirstHeader); err == nil {
			return slashingtypes.EvidenceID(slashingtypes.FAULT_KIND_EQUIVOCATION, h)
		}
	case *slashingtypes.MsgSubmitStateMismatch:
		if h, err := headerHeight(m.Header); err == nil {
			return slashingtypes.EvidenceID(slashingtypes.FAULT_KIND_STATE_MISMATCH, h)
		}
	case *slashingtypes.MsgSubmitCensorship:
		return slashingtypes.CensorshipEvidenceID(m.ForcedTx)
	}
	return nil
}

// checkEvidence re-runs the objective checks of the Msg; verifier and ns
// (the chain's namespace) are what the sequencer's blocks are read with.
func checkEvidence(cmd *cobra.Command, clientCtx client.Context, client goda.DA, verifier *gateway.BlockVerifier, ns []byte,
	v *evidenceVerdict, msg sdk.Msg, chainID string, seqKey []byte,
) {
	switch m := msg.(type) {
	case *slashingtypes.MsgSubmitDoubleSign:
		err := slashingtypes.CheckDoubleSign(m.First, m.Second)
		v.add("same service, operator and task; different payloads", err == nil, "%v", errOrNil(err))
		key, err := slashingtypes.NewQueryClient(clientCtx).OperatorKey(cmd.Context(),
			&slashingtypes.QueryOperatorKeyRequest{OperatorId: m.First.OperatorId, ServiceId: m.First.ServiceId})
		if err != nil {
			v.add("operator key registered for the service", false, "%s", err)
			return
		}
		v.add("operator key registered for the service", true, "%X", key.Key.PubKey)
		for i, t := range []slashingtypes.SignedTask{m.First, m.Second} {
			err := t.VerifySignature(chainID, key.Key.PubKey)
			v.add(fmt.Sprintf("task %d signed by the operator key", i+1), err == nil, "payload %q: %v", t.Payload, errOrNil(err))
		}
	case *slashingtypes.MsgSubmitEquivocation:
		h, err := slashingtypes.CheckEquivocation(m.FirstHeader, m.SecondHeader, chainID, seqKey)
		v.add("two different sequencer-signed headers for one height", err == nil, "height %d: %v", h, errOrNil(err))
	case *slashingtypes.MsgSubmitAttestedFault:
		checkBlobOnDA(cmd.Context(), client, v, m.Evidence, "evidence blob")
	case *slashingtypes.MsgSubmitStateMismatch:
		h, err := slashingtypes.VerifySequencerHeader(m.Header, chainID, seqKey)
		if err != nil {
			v.add("disputed header signed by the sequencer", false, "%s", err)
			return
		}
		v.add("disputed header signed by the sequencer", true, "height %d claims app hash %X; the submitter computed %X",
			h.Height(), h.AppHash, m.ExpectedAppHash)
		checkBlobOnDA(cmd.Context(), client, v, m.Block, "executed block")
		v.NeedsReexecution = true
	case *slashingtypes.MsgSubmitCensorship:
		res, err := sequencertypes.NewQueryClient(clientCtx).Sequencer(cmd.Context(), &sequencertypes.QuerySequencerRequest{})
		if err != nil {
			v.add("forced-inclusion lane rules (x/sequencer)", false, "%s", err)
			return
		}
		decode := clientCtx.TxConfig.TxDecoder()
		isTx := func(tx []byte) error {
			_, err := decode(tx)
			return err
		}
		if late := checkCensorship(cmd.Context(), client, verifier, ns, v, m, res.ForcedInclusion, isTx, chainID, seqKey); late > 0 {
			checkNotCommittedBefore(cmd.Context(), clientCtx, v, m.TxHash, late)
		}
	}
}

// checkNotCommittedBefore asks --node's tx index whether the forced tx is
// in a block below the first late one: a full node does not report a tx
// that was put in before it was forced (through the mempool, say), and the
// DA scan starts at the forced blob's DA height.
func checkNotCommittedBefore(ctx context.Context, clientCtx client.Context, v *evidenceVerdict, hash []byte, late uint64) {
	const what = "forced tx not committed below the first late block (--node's tx index)"
	node, err := clientCtx.GetNode()
	if err != nil {
		v.add(what, false, "%s", err)
		return
	}
	res, err := node.Tx(ctx, hash, false)
	switch {
	case err != nil && strings.Contains(err.Error(), "not found"):
		v.add(what, true, "tx %X is not in the index", hash)
	case err != nil:
		v.add(what, false, "cannot look tx %X up: %s; use a --node that indexes transactions", hash, err)
	default:
		v.add(what, res.Height >= int64(late), "tx %X is at rollup height %d, the first late block is %d", hash, res.Height, late)
	}
}

// checkBlobOnDA fetches the blob a pointer names and recomputes its
// commitment from the data; it returns the blob if both hold.
func checkBlobOnDA(ctx context.Context, client goda.DA, v *evidenceVerdict, ptr slashingtypes.DAPointer, what string) []byte {
	blobs, err := client.Get(ctx, []goda.ID{da.MakeID(ptr.Height, ptr.Commitment)}, ptr.Namespace)
	if err != nil || len(blobs) != 1 {
		v.add(what+" available on the DA", false, "DA height %d commitment %X: %v", ptr.Height, ptr.Commitment, err)
		return nil
	}
	ns, err := da.ParseNamespace(hex.EncodeToString(ptr.Namespace))
	if err != nil {
		v.add(what+" commitment", false, "%s", err)
		return nil
	}
	c, err := da.CreateCommitment(ns, blobs[0])
	sum := sha256.Sum256(blobs[0])
	ok := err == nil && bytes.Equal(c, ptr.Commitment)
	v.add(what+" available on the DA under the claimed commitment", ok,
		"DA height %d, %d bytes, sha256 %X", ptr.Height, len(blobs[0]), sum)
	if !ok {
		return nil
	}
	return blobs[0]
}

// checkInclusion asks the DA for the blob's inclusion proof and has it
// validated against the DA block (blob.GetProof, blob.Included).
func checkInclusion(ctx context.Context, client goda.DA, v *evidenceVerdict, ptr slashingtypes.DAPointer, what string) {
	ids := []goda.ID{da.MakeID(ptr.Height, ptr.Commitment)}
	proofs, err := client.GetProofs(ctx, ids, ptr.Namespace)
	if err != nil {
		v.add(what+" inclusion proof", false, "DA height %d: %s", ptr.Height, err)
		return
	}
	valid, err := client.Validate(ctx, ids, proofs, ptr.Namespace)
	ok := err == nil && len(valid) == 1 && valid[0]
	if err == nil && !ok {
		err = errors.New("the DA does not confirm the proof")
	}
	v.add(what+" inclusion proof", ok, "DA height %d, %d proof bytes: %v", ptr.Height, len(proofs[0]), errOrNil(err))
}

func headerHeight(bz []byte) (uint64, error) {
	sh := new(rollkittypes.SignedHeader)
	if err := sh.UnmarshalBinary(bz); err != nil {
		return 0, err
	}
	return sh.Height(), nil
}

func errOrNil(err error) any {
	if err == nil {
		return "ok"
	}
	return err
}
