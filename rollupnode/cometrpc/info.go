package cometrpc

import (
	"errors"

	cmtbytes "github.com/cometbft/cometbft/libs/bytes"
	rpcclient "github.com/cometbft/cometbft/rpc/client"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	cmtypes "github.com/cometbft/cometbft/types"
)

// errNoConsensus answers the methods about CometBFT's consensus rounds,
// which a rollup with one sequencer does not run.
var errNoConsensus = errors.New("not available on this rollup: blocks come from one sequencer (rollkit), there are no consensus rounds; use status or /sequencer_status")

func (s *Server) health(ctx *rpctypes.Context) (*ctypes.ResultHealth, error) {
	return s.client.Health(ctx.Context())
}

// status is rollkit's status with the block hashes CometBFT reports (the
// block id hash of the latest and earliest blocks, where rollkit gives the
// hash of the block data) and this node's own RPC address.
func (s *Server) status(ctx *rpctypes.Context) (*ctypes.ResultStatus, error) {
	st, err := s.client.Status(ctx.Context())
	if err != nil {
		return nil, err
	}
	if h := st.SyncInfo.LatestBlockHeight; h > 0 {
		if b, err := s.client.Block(ctx.Context(), &h); err == nil {
			st.SyncInfo.LatestBlockHash = b.BlockID.Hash
		}
	}
	if h := max(st.SyncInfo.EarliestBlockHeight, 1); h <= st.SyncInfo.LatestBlockHeight {
		if b, err := s.client.Block(ctx.Context(), &h); err == nil {
			st.SyncInfo.EarliestBlockHeight = h
			st.SyncInfo.EarliestBlockHash = b.BlockID.Hash
			st.SyncInfo.EarliestAppHash = b.Block.AppHash
			st.SyncInfo.EarliestBlockTime = b.Block.Time
		}
	}
	st.NodeInfo.Other.RPCAddress = s.rpcAddr
	return st, nil
}

func (s *Server) netInfo(ctx *rpctypes.Context) (*ctypes.ResultNetInfo, error) {
	return s.client.NetInfo(ctx.Context())
}

func (s *Server) genesis(ctx *rpctypes.Context) (*ctypes.ResultGenesis, error) {
	return s.client.Genesis(ctx.Context())
}

func (s *Server) genesisChunked(ctx *rpctypes.Context, chunk uint) (*ctypes.ResultGenesisChunk, error) {
	return s.client.GenesisChunked(ctx.Context(), chunk)
}

func (s *Server) validators(ctx *rpctypes.Context, height *int64, page, perPage *int) (*ctypes.ResultValidators, error) {
	h, err := s.height(ctx.Context(), height)
	if err != nil {
		return nil, err
	}
	p, pp, err := paging(page, perPage)
	if err != nil {
		return nil, err
	}
	return s.client.Validators(ctx.Context(), &h, p, pp)
}

func (s *Server) dumpConsensusState(*rpctypes.Context) (*ctypes.ResultDumpConsensusState, error) {
	return nil, errNoConsensus
}

func (s *Server) consensusState(*rpctypes.Context) (*ctypes.ResultConsensusState, error) {
	return nil, errNoConsensus
}

func (s *Server) consensusParams(ctx *rpctypes.Context, height *int64) (*ctypes.ResultConsensusParams, error) {
	h, err := s.height(ctx.Context(), height)
	if err != nil {
		return nil, err
	}
	return s.client.ConsensusParams(ctx.Context(), &h)
}

func (s *Server) unconfirmedTxs(ctx *rpctypes.Context, limit *int) (*ctypes.ResultUnconfirmedTxs, error) {
	return s.client.UnconfirmedTxs(ctx.Context(), limit)
}

func (s *Server) numUnconfirmedTxs(ctx *rpctypes.Context) (*ctypes.ResultUnconfirmedTxs, error) {
	return s.client.NumUnconfirmedTxs(ctx.Context())
}

func (s *Server) checkTx(ctx *rpctypes.Context, tx cmtypes.Tx) (*ctypes.ResultCheckTx, error) {
	return s.client.CheckTx(ctx.Context(), tx)
}

func (s *Server) broadcastTxCommit(ctx *rpctypes.Context, tx cmtypes.Tx) (*ctypes.ResultBroadcastTxCommit, error) {
	return s.client.BroadcastTxCommit(ctx.Context(), tx)
}

func (s *Server) abciQuery(ctx *rpctypes.Context, path string, data cmtbytes.HexBytes, height int64, prove bool) (*ctypes.ResultABCIQuery, error) {
	return s.client.ABCIQueryWithOptions(ctx.Context(), path, data, rpcclient.ABCIQueryOptions{Height: height, Prove: prove})
}

func (s *Server) abciInfo(ctx *rpctypes.Context) (*ctypes.ResultABCIInfo, error) {
	return s.client.ABCIInfo(ctx.Context())
}

func (s *Server) broadcastEvidence(ctx *rpctypes.Context, ev cmtypes.Evidence) (*ctypes.ResultBroadcastEvidence, error) {
	return s.client.BroadcastEvidence(ctx.Context(), ev)
}
