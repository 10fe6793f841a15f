package da

import (
	"encoding/binary"
	"fmt"

	"github.com/celestiaorg/go-square/v2/inclusion"
	"github.com/celestiaorg/go-square/v2/share"
	"github.com/cometbft/cometbft/crypto/merkle"
)

// Blob IDs and share commitments, shared by the Celestia client (which
// builds IDs from blob.Submit heights) and the mock DA (which serves the
// commitments in its blobs).

const (
	// heightSize is the size of the little-endian height prefix of an ID.
	heightSize = 8
	// CommitmentSize is the size of a share commitment (a SHA-256 merkle root).
	CommitmentSize = 32
	// IDSize is the size of an ID: height followed by the share commitment,
	// the layout of celestia-node's go-da IDs, which rollkit decodes
	// (binary.LittleEndian.Uint64(ids[0])) to learn the DA height.
	IDSize = heightSize + CommitmentSize

	// SubtreeRootThreshold is the celestia-app constant (appconsts, v1 and
	// later) bounding the number of subtree roots in a share commitment.
	// go-square v2 takes it as a parameter instead of exporting it.
	SubtreeRootThreshold = 64
)

// MakeID builds the ID of the blob with the given commitment at height.
func MakeID(height uint64, commitment []byte) []byte {
	id := make([]byte, IDSize)
	binary.LittleEndian.PutUint64(id, height)
	copy(id[heightSize:], commitment)
	return id
}

// SplitID returns the height and share commitment an ID is made of.
func SplitID(id []byte) (height uint64, commitment []byte, err error) {
	if len(id) != IDSize {
		return 0, nil, fmt.Errorf("%w: expected %d bytes (%d-byte little-endian height + %d-byte commitment), got %d",
			ErrMalformedID, IDSize, heightSize, CommitmentSize, len(id))
	}
	return binary.LittleEndian.Uint64(id[:heightSize]), id[heightSize:], nil
}

// CreateCommitment computes the Celestia share commitment of data posted as
// a share-version-0 blob in ns, exactly as celestia-app does for a
// MsgPayForBlobs, so IDs built locally match what the network stores
// (da/celestia's wire tests check it against commitments a celestia-node
// v0.32.1 bridge returned).
func CreateCommitment(ns share.Namespace, data []byte) ([]byte, error) {
	blob, err := share.NewV0Blob(ns, data)
	if err != nil {
		return nil, fmt.Errorf("build blob: %w", err)
	}
	commitment, err := inclusion.CreateCommitment(blob, merkle.HashFromByteSlices, SubtreeRootThreshold)
	if err != nil {
		return nil, fmt.Errorf("create share commitment: %w", err)
	}
	return commitment, nil
}
