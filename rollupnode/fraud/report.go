// Package fraud detects sequencer fraud on a full node that reads blocks
// from the DA layer, and records it as reports that can be turned into
// on-chain evidence.
//
// Two kinds are detected (detector.go):
//
//   - equivocation: two different headers for one rollup height, both
//     validly signed by the genesis sequencer (two blobs on the DA, or a DA
//     blob and the block the node already holds in rollkit's store);
//   - state mismatch: the app hash the node computed by executing block h
//     differs from the app hash the sequencer signed into header h+1.
//
// A report is a JSON file in <home>/data/fraud (Write, List, Load). Once a
// node has a report it stops following the sequencer: the DA gateway no
// longer hands rollkit blocks at or above the report's HaltHeight, also
// after a restart, until the operator removes the report.
package fraud

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/cosmos/gogoproto/proto"
	rollkittypes "github.com/rollkit/rollkit/types"
	pb "github.com/rollkit/rollkit/types/pb/rollkit"
)

// Kind names a kind of sequencer fraud.
type Kind string

// The kinds of fraud a full node detects.
const (
	KindEquivocation  Kind = "equivocation"
	KindStateMismatch Kind = "state_mismatch"
	// KindCensorship: a transaction of the forced-inclusion lane is in no
	// sequencer block below the first block posted past its deadline
	// (docs/adr/004-forced-inclusion.md).
	KindCensorship Kind = "censorship"
)

// Report is one piece of sequencer fraud as a full node saw it. Every
// field is exported and JSON-tagged so that a tool (e.g. a command that
// turns a report into on-chain evidence) can Load a report and rebuild the
// signed objects with Header.Decode and Block.Decode: headers and blocks
// are rollkit protobuf encodings (base64 in JSON). A header's signature
// covers its fields (CometBFT vote sign bytes), not an encoding, so it
// verifies against the sequencer key after decoding.
type Report struct {
	// Kind is KindEquivocation or KindStateMismatch.
	Kind Kind `json:"kind"`
	// ChainID is the rollup's chain id (from genesis).
	ChainID string `json:"chain_id"`
	// SequencerAddress is the genesis sequencer's consensus address, hex
	// (CometBFT style: the first 20 bytes of SHA-256 of the ed25519 key).
	SequencerAddress string `json:"sequencer_address"`
	// Namespace is the DA namespace the blobs were read from, hex.
	Namespace string `json:"da_namespace"`
	// Height is the rollup height the fraud is about: for an equivocation
	// the height with two headers; for a state mismatch the block whose
	// execution result the sequencer misstated (initial height - 1: the
	// genesis state).
	Height uint64 `json:"height"`
	// DAHeight is the DA height of the blob that revealed the fraud (the
	// second header of an equivocation, NextHeader of a mismatch).
	DAHeight uint64 `json:"da_height"`

	// Headers are the two conflicting signed headers of an equivocation:
	// the one the node saw first, then the one that revealed the fraud.
	Headers []Header `json:"headers,omitempty"`

	// Block is the block at Height that the node executed (state mismatch).
	// It is absent when Height+1 is the chain's initial height: the
	// misstated state is then the genesis state.
	Block *Block `json:"block,omitempty"`
	// NextHeader is the signed header at Height+1 whose AppHash claims the
	// state after Block (state mismatch).
	NextHeader *Header `json:"next_header,omitempty"`
	// ExpectedAppHash is the app hash this node computed after Height, hex.
	ExpectedAppHash string `json:"expected_app_hash,omitempty"`
	// ClaimedAppHash is NextHeader's AppHash, hex.
	ClaimedAppHash string `json:"claimed_app_hash,omitempty"`

	// Forced is the censored transaction of the forced-inclusion lane
	// (censorship). Height is then the rollup height of LateHeader, the
	// first block posted past the deadline, and DAHeight that block's.
	Forced *ForcedTx `json:"forced_tx,omitempty"`
	// LateHeader is the signed header of the first block posted to the DA
	// after Forced's deadline (censorship); LateBlockID is its blob's DA
	// ID (8-byte little-endian DA height ‖ share commitment), hex.
	LateHeader  *Header `json:"late_header,omitempty"`
	LateBlockID string  `json:"late_block_id,omitempty"`
	// Scanned are the DA heights this node read from Forced's DA height
	// to the late block's, and the sequencer blocks it found in them.
	Scanned *Scan `json:"scanned,omitempty"`

	// DetectedAt is when this node detected the fraud (UTC).
	DetectedAt time.Time `json:"detected_at"`
}

// Header is a signed header kept as evidence.
type Header struct {
	// Hash is the header hash (the block hash CometBFT RPC shows), hex.
	Hash string `json:"hash"`
	// DAHeight is where the header's blob was found on the DA; 0 if not
	// known (a block the node had in its store from P2P, or from a DA
	// read older than the detector's memory, e.g. before a restart).
	DAHeight uint64 `json:"da_height"`
	// Source is "da" (a blob read from the DA) or "store" (the block the
	// node already held in rollkit's store for that height).
	Source string `json:"source"`
	// SignedHeader is the protobuf encoding of rollkit's pb.SignedHeader
	// (header, signature, validator set), base64 in JSON.
	SignedHeader []byte `json:"signed_header"`
}

// Block is a whole block kept as evidence.
type Block struct {
	Hash     string `json:"hash"`
	DAHeight uint64 `json:"da_height"`
	Source   string `json:"source"`
	// Data is the protobuf encoding of rollkit's pb.Block, base64 in JSON.
	Data []byte `json:"data"`
}

// ForcedTx is a transaction posted to the forced-inclusion lane.
type ForcedTx struct {
	// Namespace is the lane's namespace, hex.
	Namespace string `json:"da_namespace"`
	// DAHeight and Commitment (hex) locate the blob; Deadline is the last
	// DA height a block carrying it could be posted at.
	DAHeight   uint64 `json:"da_height"`
	Commitment string `json:"commitment"`
	Deadline   uint64 `json:"deadline_da_height"`
	// TxHash is the SHA-256 of Tx, hex (what /tx?hash= looks up).
	TxHash string `json:"tx_hash"`
	Tx     []byte `json:"tx"`
	// Proof is the DA's inclusion proof of the blob, as the DA node
	// returned it (celestia-node: the NMT proofs, JSON).
	Proof []byte `json:"proof,omitempty"`
}

// Scan is what a full node read of the chain namespace while a forced
// transaction was due.
type Scan struct {
	FromDAHeight uint64 `json:"from_da_height"`
	ToDAHeight   uint64 `json:"to_da_height"`
	// Blocks are the sequencer blocks found in those DA heights, in order.
	Blocks []ScannedBlock `json:"blocks"`
}

// ScannedBlock is one sequencer block seen while a forced tx was due.
type ScannedBlock struct {
	DAHeight uint64 `json:"da_height"`
	Height   uint64 `json:"height"`
	Hash     string `json:"hash"`
	Txs      int    `json:"txs"`
}

// Sources of evidence.
const (
	SourceDA    = "da"
	SourceStore = "store"
)

// FileName is the report's file name: <kind>-<da height>-<height>.json,
// with the first 16 hex digits of the tx hash added for censorship (one
// late block can reveal several censored transactions).
func (r *Report) FileName() string {
	if r.Kind == KindCensorship && r.Forced != nil {
		return fmt.Sprintf("%s-%d-%d-%.16s.json", r.Kind, r.DAHeight, r.Height, r.Forced.TxHash)
	}
	return fmt.Sprintf("%s-%d-%d.json", r.Kind, r.DAHeight, r.Height)
}

// HaltHeight is the first rollup height a node must not apply once it has
// this report: the equivocating height itself, the block after the one
// whose result the sequencer misstated (whose header carries the lie), or
// the first block posted past a censored transaction's deadline.
func (r *Report) HaltHeight() uint64 {
	if r.Kind == KindStateMismatch {
		return r.Height + 1
	}
	return r.Height
}

// Decode returns the signed header in h.
func (h *Header) Decode() (*rollkittypes.SignedHeader, error) {
	var msg pb.SignedHeader
	if err := proto.Unmarshal(h.SignedHeader, &msg); err != nil {
		return nil, fmt.Errorf("signed header %s does not decode: %w", h.Hash, err)
	}
	sh := new(rollkittypes.SignedHeader)
	if err := sh.FromProto(&msg); err != nil {
		return nil, fmt.Errorf("signed header %s is malformed: %w", h.Hash, err)
	}
	return sh, nil
}

// Decode returns the block in b.
func (b *Block) Decode() (*rollkittypes.Block, error) {
	block := new(rollkittypes.Block)
	if err := block.UnmarshalBinary(b.Data); err != nil {
		return nil, fmt.Errorf("block %s does not decode: %w", b.Hash, err)
	}
	return block, nil
}

// Validate checks that the report is well formed: a known kind, and
// evidence that decodes, sits at the heights the report names and hashes
// to the hashes it states. It does not check signatures; a consumer
// checks those against the sequencer key it trusts.
func (r *Report) Validate() error {
	if r.ChainID == "" || r.SequencerAddress == "" || r.DetectedAt.IsZero() {
		return errors.New("report lacks chain_id, sequencer_address or detected_at")
	}
	switch r.Kind {
	case KindEquivocation:
		if len(r.Headers) != 2 {
			return fmt.Errorf("equivocation needs 2 headers, has %d", len(r.Headers))
		}
		for i := range r.Headers {
			if err := checkHeader(&r.Headers[i], r.Height); err != nil {
				return err
			}
		}
		if r.Headers[0].Hash == r.Headers[1].Hash {
			return errors.New("equivocation headers are the same header")
		}
	case KindStateMismatch:
		if r.NextHeader == nil {
			return errors.New("state mismatch lacks next_header")
		}
		if err := checkHeader(r.NextHeader, r.Height+1); err != nil {
			return err
		}
		if r.Block != nil {
			if err := checkBlock(r.Block, r.Height); err != nil {
				return err
			}
		}
		if r.ExpectedAppHash == r.ClaimedAppHash {
			return errors.New("state mismatch with equal expected and claimed app hashes")
		}
	case KindCensorship:
		return r.validateCensorship()
	default:
		return fmt.Errorf("unknown kind %q", r.Kind)
	}
	return nil
}

func checkHeader(h *Header, height uint64) error {
	sh, err := h.Decode()
	if err != nil {
		return err
	}
	return checkHashAndHeight(h.Hash, sh.Hash(), sh.Height(), height)
}

func checkBlock(b *Block, height uint64) error {
	block, err := b.Decode()
	if err != nil {
		return err
	}
	return checkHashAndHeight(b.Hash, block.Hash(), block.Height(), height)
}

func checkHashAndHeight(stated string, actual []byte, got, want uint64) error {
	if got != want {
		return fmt.Errorf("evidence %s is at height %d, want %d", stated, got, want)
	}
	if bz, err := hex.DecodeString(stated); err != nil || !bytes.Equal(bz, actual) {
		return fmt.Errorf("evidence hash %s does not match its content (%X)", stated, actual)
	}
	return nil
}
