package mockda

import (
	"bytes"
	"context"
	"fmt"

	"github.com/cometbft/cometbft/crypto/merkle"
	goda "github.com/rollkit/go-da"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// This file implements goda.DA on *Server.

// MaxBlobSize returns the largest amount of blob data one Submit accepts.
func (s *Server) MaxBlobSize(context.Context) (uint64, error) {
	return s.cfg.MaxBlobSize, nil
}

// Submit queues blobs for the next DA block and waits until that block is
// produced, like celestia-node's blob.Submit waits for inclusion; it returns
// one ID per blob. A gas price of -1 means "default"; it is otherwise only
// checked to be non-negative. If ctx ends before a block picked the blobs
// up, they are withdrawn and ctx's error is returned.
func (s *Server) Submit(ctx context.Context, blobs []goda.Blob, gasPrice float64, namespace goda.Namespace) ([]goda.ID, error) {
	if !(gasPrice >= 0 || gasPrice == -1) { // also rejects NaN
		return nil, fmt.Errorf("%w: must be >= 0 or -1 (default), got %v", ErrInvalidGasPrice, gasPrice)
	}
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	if len(blobs) == 0 {
		return nil, ErrNoBlobs
	}
	if err := checkSubmission(blobs, s.cfg.MaxBlobSize); err != nil {
		return nil, err
	}
	sub := &submission{
		ns:          ns.Bytes(),
		blobs:       make([][]byte, len(blobs)),
		commitments: make([][]byte, len(blobs)),
		result:      make(chan submitResult, 1),
	}
	for i, b := range blobs {
		if sub.commitments[i], err = CreateCommitment(ns, b); err != nil {
			return nil, fmt.Errorf("blob %d: %w", i, err)
		}
		sub.blobs[i] = bytes.Clone(b) // the caller may reuse its buffers
	}
	if err := s.enqueue(sub); err != nil {
		return nil, err
	}

	select {
	case r := <-sub.result:
		return r.ids, r.err
	case <-ctx.Done():
		if s.withdraw(sub) {
			return nil, fmt.Errorf("blobs not included: %w", ctx.Err())
		}
		// A block is being written with these blobs; report its outcome.
		r := <-sub.result
		return r.ids, r.err
	}
}

// GetIDs returns the IDs of the blobs of namespace at height, in submission
// order. Height 0 and heights without blobs in namespace give an empty list;
// a height above the latest block is an error (ErrHeightFromFuture).
func (s *Server) GetIDs(_ context.Context, height uint64, namespace goda.Namespace) ([]goda.ID, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	if height == 0 {
		return []goda.ID{}, nil
	}
	if latest := s.height.Load(); height > latest {
		return nil, fmt.Errorf("%w: requested height %d, latest DA height %d", ErrHeightFromFuture, height, latest)
	}
	var commitments [][]byte
	if err := s.withStore(func(st *store) error {
		commitments, err = st.commitments(height, ns.Bytes())
		return err
	}); err != nil {
		return nil, err
	}
	ids := make([]goda.ID, len(commitments))
	for i, c := range commitments {
		ids[i] = MakeID(height, c)
	}
	return ids, nil
}

// Get returns the blob of each ID. An ID that is malformed, unknown or from
// another namespace fails the whole call with ErrBlobNotFound.
func (s *Server) Get(_ context.Context, ids []goda.ID, namespace goda.Namespace) ([]goda.Blob, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	blobs := make([]goda.Blob, len(ids))
	err = s.withStore(func(st *store) error {
		for i, id := range ids {
			height, commitment, err := SplitID(id)
			if err != nil {
				return fmt.Errorf("%w: id %x: %w", ErrBlobNotFound, id, err)
			}
			data, err := st.blob(ns.Bytes(), height, commitment)
			if err != nil {
				return fmt.Errorf("read blob %x: %w", id, err)
			}
			if data == nil {
				return notFound(id, height, ns.Bytes())
			}
			blobs[i] = data
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return blobs, nil
}

// GetProofs returns, for each ID, the proof that its blob is a leaf of the
// data root of the ID's height (see proofs.go for the format).
func (s *Server) GetProofs(_ context.Context, ids []goda.ID, namespace goda.Namespace) ([]goda.Proof, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	type tree struct {
		leaves [][]byte
		proofs []*merkle.Proof
	}
	trees := make(map[uint64]tree) // IDs of one batch usually share a height
	out := make([]goda.Proof, len(ids))
	err = s.withStore(func(st *store) error {
		for i, id := range ids {
			height, commitment, err := SplitID(id)
			if err != nil {
				return fmt.Errorf("%w: id %x: %w", ErrBlobNotFound, id, err)
			}
			t, ok := trees[height]
			if !ok {
				if t.leaves, err = st.leaves(height); err != nil {
					return fmt.Errorf("read DA block %d: %w", height, err)
				}
				_, t.proofs = merkle.ProofsFromByteSlices(t.leaves)
				trees[height] = t
			}
			leaf := makeLeaf(ns.Bytes(), commitment)
			idx := -1
			for j, l := range t.leaves {
				if bytes.Equal(l, leaf) {
					idx = j
					break
				}
			}
			if idx < 0 {
				return notFound(id, height, ns.Bytes())
			}
			if out[i], err = encodeProof(t.proofs[idx]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Commit returns the share commitment of each blob as it would be posted
// in namespace, without storing anything.
func (s *Server) Commit(_ context.Context, blobs []goda.Blob, namespace goda.Namespace) ([]goda.Commitment, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	out := make([]goda.Commitment, len(blobs))
	for i, b := range blobs {
		if err := checkBlob(i, b, s.cfg.MaxBlobSize); err != nil {
			return nil, err
		}
		if out[i], err = CreateCommitment(ns, b); err != nil {
			return nil, fmt.Errorf("blob %d: %w", i, err)
		}
	}
	return out, nil
}

// Validate checks each proof against the stored data root of its ID's
// height, recomputing the leaf from namespace and the ID's commitment. A
// proof that does not verify (tampered, for another blob, for a height that
// does not exist) yields false; only malformed requests are errors.
func (s *Server) Validate(_ context.Context, ids []goda.ID, proofs []goda.Proof, namespace goda.Namespace) ([]bool, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	if len(ids) != len(proofs) {
		return nil, fmt.Errorf("%w: got %d ids but %d proofs", ErrInvalidProofs, len(ids), len(proofs))
	}
	results := make([]bool, len(ids))
	err = s.withStore(func(st *store) error {
		for i, id := range ids {
			height, commitment, err := SplitID(id)
			if err != nil {
				return fmt.Errorf("id %d (%x): %w", i, id, err)
			}
			h, ok, err := st.header(height)
			if err != nil {
				return fmt.Errorf("read DA header %d: %w", height, err)
			}
			results[i] = ok && verifyInclusion(h.DataRoot, ns.Bytes(), commitment, proofs[i])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// notFound builds the ErrBlobNotFound error for id.
func notFound(id []byte, height uint64, ns []byte) error {
	return fmt.Errorf("%w: id %x (height %d) in namespace %x", ErrBlobNotFound, id, height, ns)
}
