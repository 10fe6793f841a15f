package cometrpc

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	cmtypes "github.com/cometbft/cometbft/types"
)

const (
	subscribeTimeout = 5 * time.Second
	writeTimeout     = 10 * time.Second
)

// subscribe streams the events matching query to the websocket in
// CometBFT's frame (result: query, data {type, value}, events), under the
// request's id, as CometBFT's own Subscribe does.
func (s *Server) subscribe(ctx *rpctypes.Context, query string) (*ctypes.ResultSubscribe, error) {
	addr := ctx.RemoteAddr()
	if len(query) > maxQueryLength {
		return nil, errors.New("maximum query length exceeded")
	}
	if err := s.reserve(addr); err != nil {
		return nil, err
	}
	subCtx, cancel := context.WithTimeout(ctx.Context(), subscribeTimeout)
	defer cancel()
	events, err := s.client.Subscribe(subCtx, addr, query, subscriptionBufferSize)
	if err != nil {
		s.release(addr)
		return nil, err
	}
	id := ctx.JSONReq.ID
	go func() {
		defer s.release(addr)
		for ev := range events {
			ev.Query = query
			s.fillEventParts(&ev)
			writeCtx, cancel := context.WithTimeout(context.Background(), writeTimeout)
			err := ctx.WSConn.WriteRPCResponse(writeCtx, rpctypes.NewRPCSuccessResponse(id, &ev))
			cancel()
			if err != nil {
				s.logger.Info("dropping a slow websocket subscriber", "remote", addr, "query", query, "err", err)
				_ = s.client.Unsubscribe(context.Background(), addr, query)
				return
			}
		}
	}()
	return &ctypes.ResultSubscribe{}, nil
}

func (s *Server) unsubscribe(ctx *rpctypes.Context, query string) (*ctypes.ResultUnsubscribe, error) {
	if err := s.client.Unsubscribe(ctx.Context(), ctx.RemoteAddr(), query); err != nil {
		return nil, err
	}
	return &ctypes.ResultUnsubscribe{}, nil
}

func (s *Server) unsubscribeAll(ctx *rpctypes.Context) (*ctypes.ResultUnsubscribe, error) {
	if err := s.client.UnsubscribeAll(ctx.Context(), ctx.RemoteAddr()); err != nil {
		return nil, err
	}
	return &ctypes.ResultUnsubscribe{}, nil
}

// reserve counts a subscription against the per-client and total limits,
// which keep one connection from flooding the node with subscriptions.
func (s *Server) reserve(addr string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.subs[addr]; !ok && len(s.subs) >= maxSubscriptionClients {
		return fmt.Errorf("max_subscription_clients %d reached", maxSubscriptionClients)
	}
	if s.subs[addr] >= maxSubscriptionsPerClient {
		return fmt.Errorf("max_subscriptions_per_client %d reached", maxSubscriptionsPerClient)
	}
	s.subs[addr]++
	return nil
}

func (s *Server) release(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.subs[addr]--; s.subs[addr] <= 0 {
		delete(s.subs, addr)
	}
}

// dropSubscriptions ends a closed connection's subscriptions.
func (s *Server) dropSubscriptions(addr string) {
	_ = s.client.UnsubscribeAll(context.Background(), addr)
}

// fillEventParts gives block and header events the part-set headers the
// block views carry (see partSetHeader).
func (s *Server) fillEventParts(ev *ctypes.ResultEvent) {
	ctx := context.Background()
	switch data := ev.Data.(type) {
	case cmtypes.EventDataNewBlock:
		if data.Block == nil {
			return
		}
		// Every subscriber gets the same block: change a copy.
		block := &cmtypes.Block{Header: data.Block.Header, Data: data.Block.Data, Evidence: data.Block.Evidence}
		if data.Block.LastCommit != nil {
			lastCommit := *data.Block.LastCommit
			block.LastCommit = &lastCommit
		}
		if psh, err := partSetHeader(data.Block); err == nil {
			data.BlockID.PartSetHeader = psh
			if block.LastCommit != nil && bytes.Equal(block.LastCommit.BlockID.Hash, data.BlockID.Hash) {
				block.LastCommit.BlockID.PartSetHeader = psh
			}
		}
		_ = s.fillLastBlockID(ctx, &block.Header, block.LastCommit)
		data.Block = block
		ev.Data = data
	case cmtypes.EventDataNewBlockHeader:
		_ = s.fillLastBlockID(ctx, &data.Header, nil)
		ev.Data = data
	}
}
