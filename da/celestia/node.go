package celestia

import (
	"context"
	"fmt"
)

// Calls outside goda.DA: the DA's head and headers (used to probe the node
// at start and by tools), and the node's identity and account.

// NetworkHead returns the header of the newest DA block the node knows of
// (header.NetworkHead, read permission).
func (c *Client) NetworkHead(ctx context.Context) (Header, error) {
	var h extendedHeader
	if err := c.call(ctx, "header.NetworkHead", &h); err != nil {
		return Header{}, err
	}
	return h.toHeader(), nil
}

// HeaderByHeight returns the header at height (header.GetByHeight); above
// the tip it fails with da.ErrHeightFromFuture.
func (c *Client) HeaderByHeight(ctx context.Context, height uint64) (Header, error) {
	var h extendedHeader
	if err := c.call(ctx, "header.GetByHeight", &h, height); err != nil {
		return Header{}, fmt.Errorf("DA height %d: %w", height, err)
	}
	return h.toHeader(), nil
}

// WaitForHeight blocks until the node has the header at height
// (header.WaitForHeight) and returns it.
func (c *Client) WaitForHeight(ctx context.Context, height uint64) (Header, error) {
	var h extendedHeader
	if err := c.call(ctx, "header.WaitForHeight", &h, height); err != nil {
		return Header{}, fmt.Errorf("DA height %d: %w", height, err)
	}
	return h.toHeader(), nil
}

// Info returns the node's type and API version (node.Info; celestia-node
// requires an admin token for it).
func (c *Client) Info(ctx context.Context) (NodeInfo, error) {
	var info NodeInfo
	return info, c.call(ctx, "node.Info", &info)
}

// Balance returns the balance of the node's account, which pays for blobs
// (state.Balance).
func (c *Client) Balance(ctx context.Context) (Balance, error) {
	var b Balance
	return b, c.call(ctx, "state.Balance", &b)
}

// AccountAddress returns the address of the node's account, the one to
// fund (state.AccountAddress).
func (c *Client) AccountAddress(ctx context.Context) (string, error) {
	var addr string
	return addr, c.call(ctx, "state.AccountAddress", &addr)
}
