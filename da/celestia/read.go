package celestia

import (
	"bytes"
	"context"
	"fmt"

	goda "github.com/rollkit/go-da"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// GetIDs returns the IDs of the blobs of namespace at height, in the
// node's order, with blob.GetAll. A height without blobs in namespace
// (the node answers null) gives no IDs; a height above the DA's tip fails
// with da.ErrHeightFromFuture, so rollkit retries it instead of skipping
// it. Height 0 has no blocks on Celestia and gives no IDs without a
// request.
func (c *Client) GetIDs(ctx context.Context, height uint64, namespace goda.Namespace) ([]goda.ID, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	if height == 0 {
		return nil, nil
	}
	var blobs []blob
	if err := c.call(ctx, "blob.GetAll", &blobs, height, [][]byte{ns.Bytes()}); err != nil {
		return nil, fmt.Errorf("DA height %d: %w", height, err)
	}
	ids := make([]goda.ID, 0, len(blobs))
	data := make(map[string][]byte, len(blobs))
	for _, b := range blobs {
		if !bytes.Equal(b.Namespace, ns.Bytes()) {
			continue // only asked for ns; ignore anything else
		}
		if len(b.Commitment) != da.CommitmentSize {
			return nil, fmt.Errorf("%w: blob.GetAll at height %d returned a %d-byte commitment", ErrProtocol, height, len(b.Commitment))
		}
		id := da.MakeID(height, b.Commitment)
		ids = append(ids, id)
		data[cacheKey(ns.Bytes(), id)] = b.Data
	}
	c.mu.Lock()
	c.last = data
	c.mu.Unlock()
	return ids, nil
}

// Get returns the blob of each ID: from the latest GetIDs when it read
// it, otherwise with blob.Get. Any ID that is malformed or not found fails
// the whole call (da.ErrMalformedID, da.ErrBlobNotFound).
func (c *Client) Get(ctx context.Context, ids []goda.ID, namespace goda.Namespace) ([]goda.Blob, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	last := c.last
	c.mu.Unlock()
	out := make([]goda.Blob, len(ids))
	for i, id := range ids {
		height, commitment, err := da.SplitID(id)
		if err != nil {
			return nil, fmt.Errorf("%w: id %x: %w", da.ErrBlobNotFound, id, err)
		}
		if data, ok := last[cacheKey(ns.Bytes(), id)]; ok {
			out[i] = data
			continue
		}
		var b blob
		if err := c.call(ctx, "blob.Get", &b, height, ns.Bytes(), commitment); err != nil {
			return nil, fmt.Errorf("id %x (DA height %d): %w", id, height, err)
		}
		if !bytes.Equal(b.Commitment, commitment) || !bytes.Equal(b.Namespace, ns.Bytes()) {
			return nil, fmt.Errorf("%w: blob.Get for commitment %x in namespace %x returned commitment %x in namespace %x",
				ErrProtocol, commitment, ns.Bytes(), b.Commitment, b.Namespace)
		}
		out[i] = b.Data
	}
	return out, nil
}

func cacheKey(ns, id []byte) string { return string(ns) + string(id) }
