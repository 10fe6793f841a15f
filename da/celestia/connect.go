package celestia

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"
)

// probeTimeout bounds the reachability probe at start.
const probeTimeout = 5 * time.Second

// Connect returns a client of the celestia-node (or `milkywayd da serve`)
// at addr, after checking that it answers header.NetworkHead, so that a
// node fails at start with one line naming the fix instead of retrying
// forever. addr must be http:// or https://: go-da's gRPC and `da.*`
// JSON-RPC dialects are gone from celestia-node (v0.32 serves neither;
// v0.31.6's da.GetIDs answer does not decode in go-da v0.5.0).
func Connect(ctx context.Context, addr, authToken string) (*Client, error) {
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		hint := ""
		if err == nil && u.Scheme == "grpc" {
			hint = " (go-da's grpc:// is not supported: celestia-node serves its blob API over JSON-RPC only)"
		}
		return nil, fmt.Errorf("DA address %q must look like http://host:port, a celestia-node RPC endpoint (light node default port 26658) or `milkywayd da serve`%s", addr, hint)
	}
	c := New(addr, authToken)
	probeCtx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	_, err = c.NetworkHead(probeCtx)
	switch {
	case err == nil:
		return c, nil
	case errors.Is(err, context.DeadlineExceeded):
		err = fmt.Errorf("%w at %s: no answer to header.NetworkHead within %s", ErrUnreachable, addr, probeTimeout)
	case !errors.Is(err, ErrUnreachable):
		// ErrUnauthorized and ErrMethodNotFound already name the fix.
		return nil, err
	}
	return nil, fmt.Errorf("%w; start the mock DA with `milkywayd da serve` or point --rollkit.da_address at a running Celestia light node (and set --rollkit.da_auth_token)", err)
}
