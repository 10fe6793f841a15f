// Package gatewaytest builds rollkit blocks for tests of block screening:
// genuine ones signed by a given sequencer key and forgeries.
package gatewaytest

import (
	"time"

	cmcrypto "github.com/cometbft/cometbft/crypto"
	cmtypes "github.com/cometbft/cometbft/types"
	rollkittypes "github.com/rollkit/rollkit/types"

	"github.com/milkyway-labs/milkyway-rollup/da/blobenc"
)

// BlockSpec describes a block to build. The zero Signer or ValSetKey means
// "use Key"; a nil Proposer means the address of ValSetKey.
type BlockSpec struct {
	ChainID   string
	Height    uint64
	Time      time.Time
	Txs       [][]byte
	Key       cmcrypto.PrivKey // the key the header claims (validator set)
	Signer    cmcrypto.PrivKey // the key that actually signs
	Proposer  []byte           // the proposer address the header claims
	ValSetKey cmcrypto.PubKey  // overrides the validator set's key

	// AppHash is the state the header claims after the previous block and
	// LastHeaderHash the hash of the block it builds on, as rollkit fills
	// them; fraud tests chain blocks with them.
	AppHash        []byte
	LastHeaderHash []byte
}

// Block builds and signs the block described by spec.
func Block(spec BlockSpec) *rollkittypes.Block {
	signer := spec.Signer
	if signer == nil {
		signer = spec.Key
	}
	valKey := spec.ValSetKey
	if valKey == nil {
		valKey = spec.Key.PubKey()
	}
	proposer := spec.Proposer
	if proposer == nil {
		proposer = valKey.Address()
	}
	if spec.Time.IsZero() {
		spec.Time = time.Now().UTC()
	}
	block := &rollkittypes.Block{}
	for _, tx := range spec.Txs {
		block.Data.Txs = append(block.Data.Txs, rollkittypes.Tx(tx))
	}
	dataHash, err := block.Data.Hash()
	if err != nil {
		panic(err)
	}
	sh := &block.SignedHeader
	sh.BaseHeader = rollkittypes.BaseHeader{ChainID: spec.ChainID, Height: spec.Height, Time: uint64(spec.Time.UnixNano())}
	sh.DataHash = dataHash
	sh.AppHash = spec.AppHash
	sh.LastHeaderHash = spec.LastHeaderHash
	sh.ProposerAddress = proposer
	sh.Validators = cmtypes.NewValidatorSet([]*cmtypes.Validator{cmtypes.NewValidator(valKey, 1)})
	sh.ValidatorHash = sh.Validators.Hash()
	sig, err := rollkittypes.GetSignature(sh.Header, signer)
	if err != nil {
		panic(err)
	}
	sh.Signature = *sig
	return block
}

// Blob serialises a block the way rollkit posts it to DA.
func Blob(b *rollkittypes.Block) []byte {
	bz, err := b.MarshalBinary()
	if err != nil {
		panic(err)
	}
	return bz
}

// PostedBlob is the blob the sequencer's gateway posts for a block: the
// block compressed in a blobenc envelope (or raw when that is not smaller).
func PostedBlob(b *rollkittypes.Block) []byte { return blobenc.Encode(Blob(b)) }
