package cometrpc

import (
	"context"

	abci "github.com/cometbft/cometbft/abci/types"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/rollkit/rollkit/mempool"
)

// Mempool is the sequencer's mempool, which broadcasts enter directly.
type Mempool interface {
	CheckTx(tx cmtypes.Tx, callback func(*abci.ResponseCheckTx), txInfo mempool.TxInfo) error
}

// WithMempool makes broadcast_tx_sync and broadcast_tx_async put txs into
// the sequencer's mempool directly. Rollkit's client also publishes every
// accepted tx on its libp2p gossip topic, which nobody needs from the
// sequencer (full nodes forward broadcasts to it and never build blocks),
// and the publish signed each message: 8% of a loaded sequencer's CPU
// (issue 15's profile).
func (s *Server) WithMempool(m Mempool) *Server {
	s.mempool = m
	return s
}

func (s *Server) broadcastTxSync(ctx *rpctypes.Context, tx cmtypes.Tx) (*ctypes.ResultBroadcastTx, error) {
	if s.mempool == nil {
		return s.client.BroadcastTxSync(ctx.Context(), tx)
	}
	res, err := s.enterMempool(ctx.Context(), tx)
	if err != nil {
		return nil, err
	}
	return &ctypes.ResultBroadcastTx{Code: res.Code, Data: res.Data, Log: res.Log, Codespace: res.Codespace, Hash: tx.Hash()}, nil
}

func (s *Server) broadcastTxAsync(ctx *rpctypes.Context, tx cmtypes.Tx) (*ctypes.ResultBroadcastTx, error) {
	if s.mempool == nil {
		return s.client.BroadcastTxAsync(ctx.Context(), tx)
	}
	if err := s.mempool.CheckTx(tx, nil, mempool.TxInfo{}); err != nil {
		return nil, err
	}
	return &ctypes.ResultBroadcastTx{Hash: tx.Hash()}, nil
}

// enterMempool runs the mempool's CheckTx and waits for its answer.
func (s *Server) enterMempool(ctx context.Context, tx cmtypes.Tx) (*abci.ResponseCheckTx, error) {
	answer := make(chan *abci.ResponseCheckTx, 1)
	if err := s.mempool.CheckTx(tx, func(res *abci.ResponseCheckTx) { answer <- res }, mempool.TxInfo{}); err != nil {
		return nil, err
	}
	select {
	case res := <-answer:
		return res, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
