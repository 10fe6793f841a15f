package mockda

import (
	"github.com/cometbft/cometbft/crypto/merkle"
	"github.com/cometbft/cometbft/crypto/tmhash"

	"github.com/milkyway-labs/milkyway-rollup/da"
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
// The data root plays the role of the Celestia header's data root (it is
// the header's data_hash). A proof has the JSON shape of celestia-node's (an
// array of NMT proofs) but carries a merkle proof of the leaf: one element
// with Start = the leaf index, End = Start+1 and Nodes = the merkle aunts;
// the number of leaves comes from the block's header, not the proof.

// leafSize is the size of a data-root leaf.
const leafSize = 29 + da.CommitmentSize

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

// makeProof returns the proof of leaves[index].
func makeProof(leaves [][]byte, index int) Proof {
	_, proofs := merkle.ProofsFromByteSlices(leaves)
	p := proofs[index]
	return Proof{{Start: int(p.Index), End: int(p.Index) + 1, Nodes: p.Aunts, IsMaxNamespaceIgnored: true}}
}

// verifyInclusion reports whether proof proves that the blob with
// commitment in ns is a leaf of the block with data root root and total
// leaves. Anything that does not verify, malformed included, is a plain
// "false": a bad proof is an answer, not a malfunction.
func verifyInclusion(root []byte, total uint32, ns, commitment []byte, proof Proof) bool {
	if len(proof) != 1 || proof[0].End != proof[0].Start+1 || proof[0].Start < 0 {
		return false
	}
	leaf := makeLeaf(ns, commitment)
	p := merkle.Proof{
		Total:    int64(total),
		Index:    int64(proof[0].Start),
		LeafHash: tmhash.Sum(append([]byte{0}, leaf...)), // RFC 6962 leaf hash, which Verify recomputes
		Aunts:    proof[0].Nodes,
	}
	return p.Verify(root, leaf) == nil
}
