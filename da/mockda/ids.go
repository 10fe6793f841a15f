package mockda

import (
	"encoding/binary"
	"fmt"

	"github.com/celestiaorg/go-square/v2/inclusion"
	"github.com/celestiaorg/go-square/v2/share"
	"github.com/cometbft/cometbft/crypto/merkle"
)

const (
	// heightSize is the size of the little-endian height prefix of an ID.
	heightSize = 8
	// CommitmentSize is the size of a share commitment (a SHA-256 merkle root).
	CommitmentSize = 32
	// IDSize is the size of an ID: height followed by the share commitment,
	// the layout of celestia-node's go-da IDs, which rollkit decodes
	// (binary.LittleEndian.Uint64(ids[0])) to learn the DA height.
	IDSize = heightSize + CommitmentSize
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
// MsgPayForBlobs, so IDs match what a real network would return.
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

// checkBlob enforces Celestia's per-blob rules: no empty blob and none
// larger than limit.
func checkBlob(i int, b []byte, limit uint64) error {
	if len(b) == 0 {
		return fmt.Errorf("%w: blob %d has no data", ErrEmptyBlob, i)
	}
	if uint64(len(b)) > limit {
		return fmt.Errorf("%w: blob %d is %d bytes, max blob size is %d bytes", ErrBlobSizeOverLimit, i, len(b), limit)
	}
	return nil
}

// checkSubmission applies checkBlob to every blob and also bounds their
// sum: all blobs of a submission travel in one PayForBlobs tx, and rollkit
// sizes its batches against MaxBlobSize as a total.
func checkSubmission(blobs [][]byte, limit uint64) error {
	var total uint64
	for i, b := range blobs {
		if err := checkBlob(i, b, limit); err != nil {
			return err
		}
		total += uint64(len(b))
	}
	if total > limit {
		return fmt.Errorf("%w: %d blobs total %d bytes, max blob size is %d bytes", ErrBlobSizeOverLimit, len(blobs), total, limit)
	}
	return nil
}
