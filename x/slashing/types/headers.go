package types

import (
	"bytes"

	errorsmod "cosmossdk.io/errors"
	"github.com/cometbft/cometbft/crypto/ed25519"
	rollkittypes "github.com/rollkit/rollkit/types"
	pb "github.com/rollkit/rollkit/types/pb/rollkit"
)

// MaxHeaderSize bounds a header in evidence (a rollkit header with its
// one-validator set is well under 1 KiB).
const MaxHeaderSize = 8 << 10

// VerifySequencerHeader decodes rollkit SignedHeader protobuf bytes and
// checks they are a header of chainID signed by the sequencer key: the
// signature over the CometBFT vote bytes rollkit signs, a one-validator set
// holding exactly that key, and the proposer address derived from it.
func VerifySequencerHeader(bz []byte, chainID string, sequencerKey []byte) (*rollkittypes.SignedHeader, error) {
	if len(bz) == 0 || len(bz) > MaxHeaderSize {
		return nil, errorsmod.Wrapf(ErrInvalidEvidence, "header of %d bytes (at most %d)", len(bz), MaxHeaderSize)
	}
	var msg pb.SignedHeader
	if err := msg.Unmarshal(bz); err != nil {
		return nil, errorsmod.Wrapf(ErrInvalidEvidence, "not a rollkit signed header: %s", err)
	}
	sh := new(rollkittypes.SignedHeader)
	if err := sh.FromProto(&msg); err != nil {
		return nil, errorsmod.Wrapf(ErrInvalidEvidence, "malformed header: %s", err)
	}
	if sh.ChainID() != chainID {
		return nil, errorsmod.Wrapf(ErrInvalidEvidence, "header of chain %q, this is %q", sh.ChainID(), chainID)
	}
	if len(sequencerKey) != ed25519.PubKeySize {
		return nil, errorsmod.Wrapf(ErrNoSequencing, "sequencer key has %d bytes", len(sequencerKey))
	}
	pub := ed25519.PubKey(sequencerKey)
	if sh.Validators == nil || len(sh.Validators.Validators) != 1 ||
		!bytes.Equal(sh.Validators.Validators[0].PubKey.Bytes(), sequencerKey) ||
		!bytes.Equal(sh.ProposerAddress, pub.Address()) {
		return nil, errorsmod.Wrap(ErrInvalidSignature, "header is not proposed by the sequencer")
	}
	// ValidateBasic verifies the signature with the (now known) key.
	if err := sh.ValidateBasic(); err != nil {
		return nil, errorsmod.Wrapf(ErrInvalidSignature, "header at height %d: %s", sh.Height(), err)
	}
	return sh, nil
}

// CheckEquivocation verifies two sequencer headers for one height that
// differ; it returns that height.
func CheckEquivocation(first, second []byte, chainID string, sequencerKey []byte) (uint64, error) {
	a, err := VerifySequencerHeader(first, chainID, sequencerKey)
	if err != nil {
		return 0, errorsmod.Wrap(err, "first header")
	}
	b, err := VerifySequencerHeader(second, chainID, sequencerKey)
	if err != nil {
		return 0, errorsmod.Wrap(err, "second header")
	}
	if a.Height() != b.Height() {
		return 0, errorsmod.Wrapf(ErrInvalidEvidence, "headers at heights %d and %d", a.Height(), b.Height())
	}
	if bytes.Equal(a.Hash(), b.Hash()) {
		return 0, errorsmod.Wrapf(ErrInvalidEvidence, "the two headers at height %d are the same", a.Height())
	}
	return a.Height(), nil
}
