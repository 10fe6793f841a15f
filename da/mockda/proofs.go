package mockda

import (
	"bytes"
	"fmt"

	"github.com/cometbft/cometbft/crypto/merkle"
	cmtcrypto "github.com/cometbft/cometbft/proto/tendermint/crypto"
)

// Inclusion proofs.
//
// Every DA block commits to its blobs with a data root: the CometBFT simple
// merkle root (RFC 6962 style, SHA-256) over one leaf per blob, where
//
//	leaf = namespace (29 bytes) || share commitment (32 bytes)
//
// and leaves are ordered by namespace (byte order), then by submission order
// within a namespace, mirroring how Celestia lays blobs out in its square.
// The data root is the only thing a verifier has to trust per height (it
// plays the role of the Celestia header's data root). A proof is a
// CometBFT merkle.Proof (leaf index, total, leaf hash, aunts) serialized as
// its tendermint.crypto.Proof protobuf message.

// leafSize is the size of a data-root leaf.
const leafSize = 29 + CommitmentSize

// makeLeaf returns the data-root leaf of the blob with commitment in ns.
func makeLeaf(ns, commitment []byte) []byte {
	leaf := make([]byte, 0, leafSize)
	leaf = append(leaf, ns...)
	return append(leaf, commitment...)
}

// dataRoot computes the data root of a block from its ordered leaves. An
// empty block gets the merkle root of no leaves (SHA-256 of nothing).
func dataRoot(leaves [][]byte) []byte {
	return merkle.HashFromByteSlices(leaves)
}

// encodeProof serializes p deterministically (gogoproto marshals fields in
// field-number order with minimal varints).
func encodeProof(p *merkle.Proof) ([]byte, error) {
	bz, err := p.ToProto().Marshal()
	if err != nil {
		return nil, fmt.Errorf("encode proof: %w", err)
	}
	return bz, nil
}

// decodeProof parses a proof produced by encodeProof. Non-canonical
// encodings are refused, so that a proof is accepted only byte for byte as
// this server produced it; any altered byte makes verification fail.
func decodeProof(bz []byte) (*merkle.Proof, error) {
	var pb cmtcrypto.Proof
	if err := pb.Unmarshal(bz); err != nil {
		return nil, fmt.Errorf("decode proof: %w", err)
	}
	p, err := merkle.ProofFromProto(&pb)
	if err != nil {
		return nil, fmt.Errorf("decode proof: %w", err)
	}
	canonical, err := encodeProof(p)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(canonical, bz) {
		return nil, fmt.Errorf("decode proof: non-canonical encoding")
	}
	return p, nil
}

// verifyInclusion reports whether proofBz proves that the blob with
// commitment in ns is a leaf of the block whose data root is root. Any
// failure, including an undecodable proof, is a plain "false": a bad proof
// is an answer, not a malfunction.
func verifyInclusion(root, ns, commitment, proofBz []byte) bool {
	p, err := decodeProof(proofBz)
	if err != nil {
		return false
	}
	return p.Verify(root, makeLeaf(ns, commitment)) == nil
}
