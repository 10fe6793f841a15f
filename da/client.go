package da

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	goda "github.com/rollkit/go-da"
	"github.com/rollkit/go-da/proxy"
)

// ErrUnreachable means the DA endpoint did not answer a first request.
var ErrUnreachable = errors.New("DA layer unreachable")

// connectTimeout bounds the reachability probe at start.
const connectTimeout = 5 * time.Second

// Connect opens a go-da client to addr (http:// or https:// for JSON-RPC as
// served by celestia-node and the mock DA, grpc:// for gRPC) and checks
// that it answers, so a node fails at start with a clear message instead of
// retrying forever.
func Connect(ctx context.Context, addr, authToken string) (goda.DA, error) {
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "grpc") {
		return nil, fmt.Errorf("DA address %q must look like http://host:port (JSON-RPC) or grpc://host:port", addr)
	}
	client, err := proxy.NewClient(addr, authToken)
	if err != nil {
		return nil, fmt.Errorf("%w at %s: %v", ErrUnreachable, addr, err)
	}
	probeCtx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if _, err := client.MaxBlobSize(probeCtx); err != nil {
		return nil, fmt.Errorf("%w at %s: %v; start the mock DA with `milkywayd da serve` or point --rollkit.da_address at a running Celestia light node (and set --rollkit.da_auth_token)", ErrUnreachable, addr, err)
	}
	return client, nil
}
