package celestia

import (
	"context"
	"fmt"

	"github.com/celestiaorg/go-square/v2/share"
	goda "github.com/rollkit/go-da"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// Submit posts all blobs in namespace with one blob.Submit, which returns
// once they are included, and returns one ID per blob: the inclusion
// height (8 bytes, little-endian) followed by the blob's share commitment,
// computed locally (it is what the node computes; the node does not return
// it). A gasPrice above 0 is sent as the transaction's gas price; 0 or
// -1 (rollkit's default) sends empty options, so the node picks the price.
//
// Blobs over MaxBlobSize together are refused before anything is sent,
// with da.ErrBlobTooLarge, whose "tx too large" text makes rollkit retry
// with smaller batches.
func (c *Client) Submit(ctx context.Context, blobs []goda.Blob, gasPrice float64, namespace goda.Namespace) ([]goda.ID, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	if len(blobs) == 0 {
		return nil, fmt.Errorf("%w: no blobs to submit", ErrInvalidRequest)
	}
	var total uint64
	for _, b := range blobs {
		total += uint64(len(b))
	}
	if total > MaxBlobSize {
		return nil, fmt.Errorf("%w: %d blobs of %d bytes together, the client sends at most %d bytes per submission",
			da.ErrBlobTooLarge, len(blobs), total, MaxBlobSize)
	}
	return c.submit(ctx, ns, blobs, gasPrice)
}

// SubmitUnchecked is Submit without the MaxBlobSize pre-check: the blobs go
// to the node whatever their size, so the network's own limit decides, and
// its refusal comes back through the same error mapping (celestia-app's
// "tx too large", code 21, as da.ErrBlobTooLarge). It exists to probe that
// limit on a real network (tests/celestia); the sequencer uses Submit.
func (c *Client) SubmitUnchecked(ctx context.Context, blobs []goda.Blob, gasPrice float64, namespace goda.Namespace) ([]goda.ID, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	if len(blobs) == 0 {
		return nil, fmt.Errorf("%w: no blobs to submit", ErrInvalidRequest)
	}
	return c.submit(ctx, ns, blobs, gasPrice)
}

// submit sends blobs, already checked, in one blob.Submit.
func (c *Client) submit(ctx context.Context, ns share.Namespace, blobs []goda.Blob, gasPrice float64) ([]goda.ID, error) {
	var err error
	commitments := make([][]byte, len(blobs))
	params := make([]submitBlob, len(blobs))
	for i, b := range blobs {
		if commitments[i], err = da.CreateCommitment(ns, b); err != nil {
			return nil, fmt.Errorf("blob %d: %w", i, err)
		}
		params[i] = submitBlob{Namespace: ns.Bytes(), Data: b}
	}
	opts := submitOptions{}
	if gasPrice > 0 {
		opts = submitOptions{GasPrice: gasPrice, IsGasPriceSet: true}
	}

	var height uint64
	if err := c.call(ctx, "blob.Submit", &height, params, opts); err != nil {
		return nil, err
	}
	if height == 0 {
		return nil, fmt.Errorf("%w: blob.Submit at %s returned height 0", ErrProtocol, c.Addr())
	}
	ids := make([]goda.ID, len(blobs))
	for i, cm := range commitments {
		ids[i] = da.MakeID(height, cm)
	}
	return ids, nil
}
