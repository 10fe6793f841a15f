package cmd

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	sdk "github.com/cosmos/cosmos-sdk/types"
	goda "github.com/rollkit/go-da"
	rollkittypes "github.com/rollkit/rollkit/types"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
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
	checkEvidence(cmd, clientCtx, client, v, msg, slash, genDoc.ChainID, seqKey)
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
		ids, err := client.GetIDs(cmd.Context(), h, ns)
		if errors.Is(err, da.ErrHeightFromFuture) {
			return nil, 0, fmt.Errorf("rollup block %d not found on the DA from height %d to the tip", want, from)
		}
		if err != nil {
			return nil, 0, fmt.Errorf("DA height %d: %w", h, err)
		}
		if len(ids) == 0 {
			continue
		}
		blobs, err := client.Get(cmd.Context(), ids, ns)
		if err != nil {
			return nil, 0, fmt.Errorf("DA height %d: %w", h, err)
		}
		for _, blob := range blobs {
			if b, err := verifier.Verify(blob); err == nil && b.Height() == want {
				return b, h, nil
			}
		}
	}
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
	}
	return nil
}

// checkEvidence re-runs the objective checks of the Msg.
func checkEvidence(cmd *cobra.Command, clientCtx client.Context, client goda.DA, v *evidenceVerdict, msg sdk.Msg,
	slash slashingtypes.Slash, chainID string, seqKey []byte,
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
		checkBlobOnDA(cmd, client, v, m.Evidence, "evidence blob")
	case *slashingtypes.MsgSubmitStateMismatch:
		h, err := slashingtypes.VerifySequencerHeader(m.Header, chainID, seqKey)
		if err != nil {
			v.add("disputed header signed by the sequencer", false, "%s", err)
			return
		}
		v.add("disputed header signed by the sequencer", true, "height %d claims app hash %X; the submitter computed %X",
			h.Height(), h.AppHash, m.ExpectedAppHash)
		checkBlobOnDA(cmd, client, v, m.Block, "executed block")
		v.NeedsReexecution = true
	}
}

// checkBlobOnDA fetches the blob a pointer names and recomputes its
// commitment from the data.
func checkBlobOnDA(cmd *cobra.Command, client goda.DA, v *evidenceVerdict, ptr slashingtypes.DAPointer, what string) {
	blobs, err := client.Get(cmd.Context(), []goda.ID{da.MakeID(ptr.Height, ptr.Commitment)}, ptr.Namespace)
	if err != nil || len(blobs) != 1 {
		v.add(what+" available on the DA", false, "DA height %d commitment %X: %v", ptr.Height, ptr.Commitment, err)
		return
	}
	ns, err := da.ParseNamespace(hex.EncodeToString(ptr.Namespace))
	if err != nil {
		v.add(what+" commitment", false, "%s", err)
		return
	}
	c, err := da.CreateCommitment(ns, blobs[0])
	sum := sha256.Sum256(blobs[0])
	v.add(what+" available on the DA under the claimed commitment", err == nil && bytes.Equal(c, ptr.Commitment),
		"DA height %d, %d bytes, sha256 %X", ptr.Height, len(blobs[0]), sum)
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
