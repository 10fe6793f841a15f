package mockda

import (
	"context"
	"fmt"
)

// headerAPI is celestia-node's header module ("header.<Method>").
type headerAPI struct{ s *Server }

// NetworkHead returns the header of the latest DA block. There always is
// one: Start produces block 1 on an empty store.
func (a headerAPI) NetworkHead(context.Context) (*ExtendedHeader, error) {
	return a.s.extendedHeader(a.s.Height())
}

// GetByHeight returns the header at height; above the latest block it
// fails with ErrHeightFromFuture, as celestia-node does.
func (a headerAPI) GetByHeight(_ context.Context, height uint64) (*ExtendedHeader, error) {
	if err := a.s.checkHeight(height); err != nil {
		return nil, err
	}
	return a.s.extendedHeader(height)
}

// WaitForHeight blocks until the block at height is produced and returns
// its header.
func (a headerAPI) WaitForHeight(ctx context.Context, height uint64) (*ExtendedHeader, error) {
	if height == 0 {
		return nil, ErrInvalidHeight
	}
	if err := a.s.waitForHeight(ctx, height); err != nil {
		return nil, err
	}
	return a.s.extendedHeader(height)
}

// nodeAPI is celestia-node's node module ("node.Info").
type nodeAPI struct{}

// mockNodeType is node.Info's type; celestia-node says Bridge, Full or Light.
const mockNodeType = "Mock"

// mockAPIVersion names the API the mock emulates.
const mockAPIVersion = "v0.32.1-mockda"

// Info identifies the server as the mock DA.
func (nodeAPI) Info(context.Context) (NodeInfo, error) {
	return NodeInfo{Type: mockNodeType, APIVersion: mockAPIVersion}, nil
}

// stateAPI is the part of celestia-node's state module the mock answers.
type stateAPI struct{}

// mockBalance is state.Balance's constant answer: the mock has no accounts
// and charges nothing, so any non-zero amount tells the truth that
// submissions will not fail for lack of funds.
var mockBalance = Balance{Denom: "utia", Amount: "1000000000000"}

// Balance returns mockBalance.
func (stateAPI) Balance(context.Context) (Balance, error) {
	return mockBalance, nil
}

// checkHeight refuses height 0 and heights above the latest block, the
// latter with celestia-node's message.
func (s *Server) checkHeight(height uint64) error {
	if height == 0 {
		return ErrInvalidHeight
	}
	if latest := s.height.Load(); height > latest {
		return fmt.Errorf("header: %w: networkHeight: %d, requestedHeight: %d", ErrHeightFromFuture, latest, height)
	}
	return nil
}

// extendedHeader renders the stored header at height.
func (s *Server) extendedHeader(height uint64) (*ExtendedHeader, error) {
	h, err := s.Header(height)
	if err != nil {
		return nil, err
	}
	var prev Header
	if height > 1 {
		if prev, err = s.Header(height - 1); err != nil {
			return nil, err
		}
	}
	eh := extendedHeader(h, prev)
	return &eh, nil
}
