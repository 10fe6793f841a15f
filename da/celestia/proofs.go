package celestia

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	goda "github.com/rollkit/go-da"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// GetProofs returns, for each ID, blob.GetProof's answer: the node's JSON
// (an array of NMT proofs against the block's row roots), kept byte for
// byte so that Validate can hand it back to blob.Included.
func (c *Client) GetProofs(ctx context.Context, ids []goda.ID, namespace goda.Namespace) ([]goda.Proof, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	out := make([]goda.Proof, len(ids))
	for i, id := range ids {
		height, commitment, err := da.SplitID(id)
		if err != nil {
			return nil, fmt.Errorf("%w: id %x: %w", da.ErrBlobNotFound, id, err)
		}
		var proof json.RawMessage
		if err := c.call(ctx, "blob.GetProof", &proof, height, ns.Bytes(), commitment); err != nil {
			return nil, fmt.Errorf("proof of id %x (DA height %d): %w", id, height, err)
		}
		if string(proof) == "null" {
			return nil, fmt.Errorf("%w: blob.GetProof for id %x returned null", ErrProtocol, id)
		}
		out[i] = goda.Proof(proof)
	}
	return out, nil
}

// Validate asks blob.Included whether each proof proves its ID's blob at
// the ID's height. A proof that does not prove it is false, and so is one
// that is not JSON or that the node cannot parse (-32700): it proves
// nothing. Malformed IDs, ids and proofs that do not pair up, and node
// failures are errors.
func (c *Client) Validate(ctx context.Context, ids []goda.ID, proofs []goda.Proof, namespace goda.Namespace) ([]bool, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	if len(ids) != len(proofs) {
		return nil, fmt.Errorf("%w: %d ids but %d proofs", ErrInvalidRequest, len(ids), len(proofs))
	}
	out := make([]bool, len(ids))
	for i, id := range ids {
		height, commitment, err := da.SplitID(id)
		if err != nil {
			return nil, fmt.Errorf("id %d (%x): %w", i, id, err)
		}
		if !json.Valid(proofs[i]) {
			continue
		}
		var ok bool
		err = c.call(ctx, "blob.Included", &ok, height, ns.Bytes(), json.RawMessage(proofs[i]), commitment)
		var rpcErr *RPCError
		if errors.As(err, &rpcErr) && rpcErr.Code == codeParse {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("inclusion of id %x (DA height %d): %w", id, height, err)
		}
		out[i] = ok
	}
	return out, nil
}
