package cmd

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/blobenc"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
)

const (
	flagFrom      = "from"
	flagTo        = "to"
	flagNamespace = "namespace"
	flagDAURL     = "da-url"
	flagDAToken   = "da-auth-token"
)

// inspectedBlob is one line of `da inspect` output.
type inspectedBlob struct {
	DAHeight        uint64 `json:"da_height"`
	ID              string `json:"id"`
	InclusionProof  bool   `json:"inclusion_proof_valid"`
	SequencerSigned bool   `json:"sequencer_signed"`
	RollupHeight    uint64 `json:"rollup_height,omitempty"`
	BlockHash       string `json:"block_hash,omitempty"`
	Txs             int    `json:"txs"`
	// BlobBytes is the blob as posted; Encoding how it was posted ("zstd"
	// or "raw", see da/blobenc); BlockBytes the rollup block it decodes to
	// and TxBytes the block's transactions, so BlobBytes/TxBytes is what
	// the DA charges per transaction byte.
	BlobBytes  int    `json:"blob_bytes"`
	Encoding   string `json:"encoding,omitempty"`
	BlockBytes int    `json:"block_bytes,omitempty"`
	TxBytes    int    `json:"tx_bytes,omitempty"`
	Rejection  string `json:"rejection,omitempty"`
}

// daInspectCmd verifies the blobs of the chain's namespace in a range of DA
// heights, as a full node would: inclusion proof against the DA block, then
// the block against the genesis sequencer.
func daInspectCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "inspect",
		Short: "Verify the rollup blocks posted to the DA in a range of DA heights",
		Long: `For every blob in the chain's namespace at DA heights --from..--to, print one
JSON line: its DA id, whether its inclusion proof validates against the DA
block, whether it is a block signed by the genesis sequencer (read from
--home's genesis), and the rollup height, block hash and tx count. Sizes:
blob_bytes as posted, encoding (zstd envelope or raw legacy blob),
block_bytes decoded and tx_bytes of the block's transactions. Heights past
the DA's tip end the scan.`,
		Example: "milkywayd da inspect --home local-devnet/.devnet/sequencer --from 1 --to 50",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg := server.GetServerContextFromCmd(cmd).Config
			home, _ := cmd.Flags().GetString(flags.FlagHome)
			cfg.SetRoot(home)
			genDoc, err := loadGenesis(cfg)
			if err != nil {
				return err
			}
			if len(genDoc.Validators) != 1 {
				return fmt.Errorf("genesis %s must name exactly one sequencer", cfg.GenesisFile())
			}
			nsFlag, _ := cmd.Flags().GetString(flagNamespace)
			ns, err := da.ParseNamespace(nsFlag)
			if err != nil {
				return fmt.Errorf("--%s: %w", flagNamespace, err)
			}
			url, _ := cmd.Flags().GetString(flagDAURL)
			token, _ := cmd.Flags().GetString(flagDAToken)
			client, err := celestia.Connect(cmd.Context(), url, token)
			if err != nil {
				return err
			}
			from, _ := cmd.Flags().GetUint64(flagFrom)
			to, _ := cmd.Flags().GetUint64(flagTo)
			if from == 0 || to < from {
				return fmt.Errorf("--%s must be at least 1 and --%s not below it", flagFrom, flagTo)
			}
			verifier := gateway.NewBlockVerifier(genDoc.ChainID, genDoc.Validators[0])
			out := json.NewEncoder(cmd.OutOrStdout())
			for h := from; h <= to; h++ {
				ids, err := client.GetIDs(cmd.Context(), h, ns.Bytes())
				if errors.Is(err, da.ErrHeightFromFuture) {
					return nil
				}
				if err != nil || len(ids) == 0 {
					if err != nil {
						return fmt.Errorf("DA height %d: %w", h, err)
					}
					continue
				}
				blobs, err := client.Get(cmd.Context(), ids, ns.Bytes())
				if err != nil {
					return fmt.Errorf("DA height %d: %w", h, err)
				}
				proofs, err := client.GetProofs(cmd.Context(), ids, ns.Bytes())
				if err != nil {
					return fmt.Errorf("DA height %d proofs: %w", h, err)
				}
				valid, err := client.Validate(cmd.Context(), ids, proofs, ns.Bytes())
				if err != nil {
					return fmt.Errorf("DA height %d validate: %w", h, err)
				}
				for i, blob := range blobs {
					line := inspectedBlob{DAHeight: h, ID: hex.EncodeToString(ids[i]), InclusionProof: valid[i], BlobBytes: len(blob)}
					if block, raw, err := verifier.VerifyBlob(blob); err != nil {
						line.Rejection = err.Error()
					} else {
						_, codec, _ := blobenc.Decode(blob)
						line.SequencerSigned = true
						line.RollupHeight = block.Height()
						line.BlockHash = hex.EncodeToString(block.Hash())
						line.Txs = len(block.Data.Txs)
						line.Encoding, line.BlockBytes = codec.String(), len(raw)
						for _, tx := range block.Data.Txs {
							line.TxBytes += len(tx)
						}
					}
					if err := out.Encode(line); err != nil {
						return err
					}
				}
			}
			return nil
		},
	}
	cmd.Flags().Uint64(flagFrom, 1, "first DA height")
	cmd.Flags().Uint64(flagTo, 100, "last DA height")
	cmd.Flags().String(flagNamespace, defaultDANamespace, "the chain's DA namespace")
	cmd.Flags().String(flagDAURL, defaultDAAddress, "DA JSON-RPC address: a celestia-node (light node port 26658) or the mock DA")
	cmd.Flags().String(flagDAToken, "", "DA auth token (celestia light node)")
	cmd.Flags().String(flags.FlagHome, DefaultNodeHome, "node home whose genesis names the sequencer")
	return cmd
}
