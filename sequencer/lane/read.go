package lane

import (
	"context"
	"fmt"

	goda "github.com/rollkit/go-da"
)

// ReadHeight returns the blobs at one DA height of the lane namespace, in
// DA order. A height above the DA's tip fails with the DA's
// da.ErrHeightFromFuture (rollkit's "not yet").
func ReadHeight(ctx context.Context, dal goda.DA, ns []byte, daHeight uint64) ([]Blob, error) {
	ids, err := dal.GetIDs(ctx, daHeight, ns)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	data, err := dal.Get(ctx, ids, ns)
	if err != nil {
		return nil, err
	}
	if len(data) != len(ids) {
		return nil, fmt.Errorf("lane: the DA returned %d blobs for %d ids at height %d", len(data), len(ids), daHeight)
	}
	blobs := make([]Blob, len(ids))
	for i := range ids {
		blobs[i] = Blob{DAHeight: daHeight, ID: ids[i], Data: data[i]}
	}
	return blobs, nil
}
