package celestia

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	goda "github.com/rollkit/go-da"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// MaxBlobSize is the most blob data the client puts in one blob.Submit,
// all blobs of the submission together. The largest single blob a
// celestia-node v0.32.1 / celestia-app 9.0.8 network accepted was
// 8,388,221 bytes (the 8 MiB transaction limit minus ~387 bytes of
// transaction); 8,388,222 was refused as "tx too large" (code 21). The
// client stays 1 MiB below that, at 7 MiB, a size measured accepted on
// the same network: the margin covers the per-blob overhead of a
// submission of many blobs (namespace, commitment and sizes of each one in
// the PayForBlobs transaction) and still fits a 128x128 data square (a
// 7 MiB blob takes 15,229 of its 16,384 shares). A network with smaller
// limits refuses with "tx too large", on which rollkit retries with a
// quarter of the batch.
const MaxBlobSize = 7 << 20

// DefaultTimeout bounds one request when the caller's context has no
// earlier deadline; blob.Submit waits for inclusion, 2-3 s on a local
// network and a Celestia block time or two on a public one.
const DefaultTimeout = 2 * time.Minute

// Client talks to one celestia-node. It implements goda.DA and is safe for
// concurrent use.
type Client struct {
	rpc     *rpc
	timeout time.Duration

	// last holds the blobs of the latest GetIDs, so that the Get rollkit
	// (through the gateway) issues right after it does not fetch them
	// again: blob.GetAll already returned their data.
	mu   sync.Mutex
	last map[string][]byte // string(namespace) + string(id) -> data
}

var _ goda.DA = (*Client)(nil)

// New returns a client of the celestia-node JSON-RPC endpoint addr
// (http://host:port), sending token, if any, as a bearer token. It makes
// no request; Connect also checks that the node answers.
func New(addr, token string) *Client {
	return &Client{
		rpc:     &rpc{addr: addr, token: token, http: &http.Client{}},
		timeout: DefaultTimeout,
	}
}

// Addr is the node's address.
func (c *Client) Addr() string { return c.rpc.addr }

// call runs one request under the client's timeout.
func (c *Client) call(ctx context.Context, method string, out any, params ...any) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	return c.rpc.call(ctx, method, out, params...)
}

// MaxBlobSize returns the MaxBlobSize constant, without asking the node:
// celestia-node v0.32 has no call for it.
func (c *Client) MaxBlobSize(context.Context) (uint64, error) {
	return MaxBlobSize, nil
}

// Commit returns the share commitment of each blob as it would be posted
// in namespace, computed locally.
func (c *Client) Commit(_ context.Context, blobs []goda.Blob, namespace goda.Namespace) ([]goda.Commitment, error) {
	ns, err := da.NamespaceFromBytes(namespace)
	if err != nil {
		return nil, err
	}
	out := make([]goda.Commitment, len(blobs))
	for i, b := range blobs {
		if out[i], err = da.CreateCommitment(ns, b); err != nil {
			return nil, fmt.Errorf("blob %d: %w", i, err)
		}
	}
	return out, nil
}
