package gateway

import (
	"bytes"
	"errors"
	"fmt"

	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/cosmos/gogoproto/proto"
	rollkittypes "github.com/rollkit/rollkit/types"
	pb "github.com/rollkit/rollkit/types/pb/rollkit"
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

// Verify decodes blob as a rollkit block and checks it; the returned error
// wraps ErrForgedBlock and says which check failed.
func (v *BlockVerifier) Verify(blob []byte) (*rollkittypes.Block, error) {
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
