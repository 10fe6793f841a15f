package cometrpc

import (
	"context"
	"fmt"
)

// CometBFT's defaults for paged methods (rpc/core/env.go).
const (
	defaultPage    = 1
	defaultPerPage = 30
	maxPerPage     = 100
)

// latestHeight is the node's newest block.
func (s *Server) latestHeight(ctx context.Context) (int64, error) {
	st, err := s.client.Status(ctx)
	if err != nil {
		return 0, err
	}
	return st.SyncInfo.LatestBlockHeight, nil
}

// height resolves an optional height as CometBFT does: none means the
// latest block; otherwise it must be between 1 and the latest.
func (s *Server) height(ctx context.Context, h *int64) (int64, error) {
	latest, err := s.latestHeight(ctx)
	if err != nil {
		return 0, err
	}
	if h == nil {
		if latest < 1 {
			return 0, fmt.Errorf("the node has no block yet")
		}
		return latest, nil
	}
	if *h <= 0 {
		return 0, fmt.Errorf("height must be greater than 0, but got %d", *h)
	}
	if *h > latest {
		return 0, fmt.Errorf("height %d must be less than or equal to the current blockchain height %d", *h, latest)
	}
	return *h, nil
}

// paging fills in CometBFT's defaults for page and per_page.
func paging(page, perPage *int) (*int, *int, error) {
	p, pp := defaultPage, defaultPerPage
	if page != nil {
		if *page < 1 {
			return nil, nil, fmt.Errorf("page must be greater than 0, but got %d", *page)
		}
		p = *page
	}
	if perPage != nil && *perPage > 0 {
		pp = min(*perPage, maxPerPage)
	}
	return &p, &pp, nil
}
