package gateway

import (
	"bytes"
	"errors"
	"fmt"

	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/cosmos/gogoproto/proto"
	rollkittypes "github.com/rollkit/rollkit/types"
	pb "github.com/rollkit/rollkit/types/pb/rollkit"

	"github.com/milkyway-labs/milkyway-rollup/da/blobenc"
)

// ErrForgedBlock marks a blob that is not a block validly signed by the
// genesis sequencer.
var ErrForgedBlock = errors.New("blob is not a block signed by the genesis sequencer")

// BlockVerifier accepts only blocks of one chain signed by one sequencer.
type BlockVerifier struct {
	chainID    string
	proposer   []byte
	validators []byte // hash of the one-validator set rollkit puts in headers
}

// NewBlockVerifier builds a verifier for the chain's genesis sequencer.
func NewBlockVerifier(chainID string, sequencer cmtypes.GenesisValidator) *BlockVerifier {
	set := cmtypes.NewValidatorSet([]*cmtypes.Validator{cmtypes.NewValidator(sequencer.PubKey, sequencer.Power)})
	return &BlockVerifier{chainID: chainID, proposer: sequencer.Address, validators: set.Hash()}
}

// Verify decodes a blob as read from the DA (an envelope or a legacy raw
// block, see da/blobenc) as a rollkit block and checks it; the returned
// error wraps ErrForgedBlock and says which check failed (an envelope that
// does not decode also wraps the blobenc sentinel).
func (v *BlockVerifier) Verify(blob []byte) (*rollkittypes.Block, error) {
	block, _, err := v.VerifyBlob(blob)
	return block, err
}

// VerifyBlob is Verify that also returns the block's raw bytes, the form
// rollkit reads.
func (v *BlockVerifier) VerifyBlob(blob []byte) (*rollkittypes.Block, []byte, error) {
	raw, _, err := blobenc.Decode(blob)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrForgedBlock, err)
	}
	block, err := v.verifyRaw(raw)
	if err != nil {
		return nil, nil, err
	}
	return block, raw, nil
}

// verifyRaw checks raw rollkit block bytes.
func (v *BlockVerifier) verifyRaw(blob []byte) (*rollkittypes.Block, error) {
	var msg pb.Block
	if err := proto.Unmarshal(blob, &msg); err != nil {
		return nil, fmt.Errorf("%w: does not decode as a block: %v", ErrForgedBlock, err)
	}
	block := new(rollkittypes.Block)
	if err := block.FromProto(&msg); err != nil {
		return nil, fmt.Errorf("%w: malformed block: %v", ErrForgedBlock, err)
	}
	sh := &block.SignedHeader
	if sh.ChainID() != v.chainID {
		return nil, fmt.Errorf("%w: chain id %q, want %q", ErrForgedBlock, sh.ChainID(), v.chainID)
	}
	if !bytes.Equal(sh.ProposerAddress, v.proposer) {
		return nil, fmt.Errorf("%w: proposer %X, want %X", ErrForgedBlock, sh.ProposerAddress, v.proposer)
	}
	if sh.Validators == nil || !bytes.Equal(sh.Validators.Hash(), v.validators) {
		return nil, fmt.Errorf("%w: validator set is not the genesis sequencer", ErrForgedBlock)
	}
	// ValidateBasic verifies the header signature with the (now known good)
	// validator set and that DataHash commits to the block's transactions.
	if err := block.ValidateBasic(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrForgedBlock, err)
	}
	return block, nil
}
