package mockda

import (
	"bytes"
	"context"
	"fmt"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// blobAPI is celestia-node's blob module: go-jsonrpc serves every exported
// method as "blob.<Method>", so this type has exactly those.
type blobAPI struct{ s *Server }

// Submit queues blobs (of any namespaces) for the next DA block and waits
// until that block is persisted, like celestia-node's blob.Submit waits for
// inclusion; it returns the block's height. opts must be an object: null
// is refused (celestia-node v0.32.1 panics on it). A gas price, if set,
// must be >= 0; fees are not charged. If ctx ends before a block picked the
// blobs up, they are withdrawn.
func (a blobAPI) Submit(ctx context.Context, blobs []*Blob, opts *SubmitOptions) (uint64, error) {
	if opts == nil {
		return 0, ErrNullOptions
	}
	if opts.IsGasPriceSet && !(opts.GasPrice >= 0) { // also rejects NaN
		return 0, fmt.Errorf("%w: must be >= 0, got %v", ErrInvalidGasPrice, opts.GasPrice)
	}
	if len(blobs) == 0 {
		return 0, ErrNoBlobs
	}
	sub := &submission{entries: make([]blockEntry, len(blobs)), result: make(chan submitResult, 1)}
	var total uint64
	for i, b := range blobs {
		if b == nil {
			return 0, fmt.Errorf("%w: blob %d is null", ErrEmptyBlob, i)
		}
		ns, err := da.NamespaceFromBytes(b.Namespace) // a blob without "namespace" gets here
		if err != nil {
			return 0, fmt.Errorf("blob %d: %w", i, err)
		}
		if b.ShareVersion != 0 {
			return 0, fmt.Errorf("%w: blob %d has share version %d, the mock takes version 0 only", ErrUnsupportedShareVersion, i, b.ShareVersion)
		}
		if len(b.Data) == 0 {
			return 0, fmt.Errorf("%w: blob %d has no data", ErrEmptyBlob, i)
		}
		total += uint64(len(b.Data))
		commitment, err := da.CreateCommitment(ns, b.Data)
		if err != nil {
			return 0, fmt.Errorf("blob %d: %w", i, err)
		}
		sub.entries[i] = blockEntry{ns: ns.Bytes(), commitment: commitment, data: b.Data}
	}
	if limit := a.s.cfg.MaxBlobSize; total > limit {
		return 0, fmt.Errorf("%w: %d blobs of %d bytes together, the limit is %d bytes", ErrBlobSizeOverLimit, len(blobs), total, limit)
	}
	if err := a.s.enqueue(sub); err != nil {
		return 0, err
	}

	select {
	case r := <-sub.result:
		return r.height, r.err
	case <-ctx.Done():
		if a.s.withdraw(sub) {
			return 0, fmt.Errorf("blobs not included: %w", ctx.Err())
		}
		// A block is being written with these blobs; report its outcome.
		r := <-sub.result
		return r.height, r.err
	}
}

// GetAll returns the blobs of the namespaces at height, namespace by
// namespace in the order asked, each in submission order. No blobs gives
// nil, which go-jsonrpc sends as "result":null, like celestia-node.
func (a blobAPI) GetAll(_ context.Context, height uint64, namespaces []Namespace) ([]*Blob, error) {
	if err := a.s.checkHeight(height); err != nil {
		return nil, err
	}
	var out []*Blob
	err := a.s.withStore(func(st *store) error {
		for _, ns := range namespaces {
			commitments, err := st.commitments(height, ns)
			if err != nil {
				return err
			}
			for _, c := range commitments {
				data, err := st.blob(ns, height, c)
				if err != nil {
					return fmt.Errorf("read blob %x at height %d: %w", c, height, err)
				}
				out = append(out, &Blob{Namespace: ns, Data: data, Commitment: c, Index: noIndex})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Get returns the blob with commitment in namespace at height, or
// ErrBlobNotFound (its message alone, like celestia-node).
func (a blobAPI) Get(_ context.Context, height uint64, namespace Namespace, commitment []byte) (*Blob, error) {
	if err := a.s.checkHeight(height); err != nil {
		return nil, err
	}
	var data []byte
	err := a.s.withStore(func(st *store) error {
		var err error
		data, err = st.blob(namespace, height, commitment)
		return err
	})
	if err != nil {
		return nil, err
	}
	if data == nil {
		return nil, ErrBlobNotFound
	}
	return &Blob{Namespace: namespace, Data: data, Commitment: commitment, Index: noIndex}, nil
}

// GetProof returns the proof that the blob is a leaf of the data root of
// height (see proofs.go), or ErrBlobNotFound.
func (a blobAPI) GetProof(_ context.Context, height uint64, namespace Namespace, commitment []byte) (*Proof, error) {
	if err := a.s.checkHeight(height); err != nil {
		return nil, err
	}
	var leaves [][]byte
	if err := a.s.withStore(func(st *store) error {
		var err error
		leaves, err = st.leaves(height)
		return err
	}); err != nil {
		return nil, fmt.Errorf("read DA block %d: %w", height, err)
	}
	leaf := makeLeaf(namespace, commitment)
	for i, l := range leaves {
		if bytes.Equal(l, leaf) {
			p := makeProof(leaves, i)
			return &p, nil
		}
	}
	return nil, ErrBlobNotFound
}

// Included reports whether proof proves the blob with commitment in
// namespace at height. A proof that does not verify (tampered, of another
// blob, for another height) is false; a proof that does not decode is
// refused while decoding params (-32700), as celestia-node does.
func (a blobAPI) Included(_ context.Context, height uint64, namespace Namespace, proof *Proof, commitment []byte) (bool, error) {
	if err := a.s.checkHeight(height); err != nil {
		return false, err
	}
	if proof == nil {
		return false, nil
	}
	var h Header
	var ok bool
	if err := a.s.withStore(func(st *store) error {
		var err error
		h, ok, err = st.header(height)
		return err
	}); err != nil {
		return false, fmt.Errorf("read DA header %d: %w", height, err)
	}
	return ok && verifyInclusion(h.DataRoot, h.BlobCount, namespace, commitment, *proof), nil
}
