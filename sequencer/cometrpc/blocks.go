package cometrpc

import (
	"context"
	"fmt"

	cmtbytes "github.com/cometbft/cometbft/libs/bytes"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	cmtypes "github.com/cometbft/cometbft/types"
)

// Rollkit leaves a block id's part-set header empty (its blocks are not
// gossiped in parts). Strict decoders (CosmJS) refuse a zero total, so the
// header is filled with the real part set of the block as served: the
// block's protobuf encoding cut in CometBFT's 64 KiB parts.
func partSetHeader(b *cmtypes.Block) (cmtypes.PartSetHeader, error) {
	ps, err := b.MakePartSet(cmtypes.BlockPartSizeBytes)
	if err != nil {
		return cmtypes.PartSetHeader{}, fmt.Errorf("building the part set of block %d: %w", b.Height, err)
	}
	return ps.Header(), nil
}

func withParts(res *ctypes.ResultBlock) (*ctypes.ResultBlock, error) {
	if res == nil || res.Block == nil {
		return res, nil
	}
	psh, err := partSetHeader(res.Block)
	if err != nil {
		return nil, err
	}
	res.BlockID.PartSetHeader = psh
	return res, nil
}

func (s *Server) block(ctx *rpctypes.Context, height *int64) (*ctypes.ResultBlock, error) {
	h, err := s.height(ctx.Context(), height)
	if err != nil {
		return nil, err
	}
	res, err := s.client.Block(ctx.Context(), &h)
	if err != nil {
		return nil, err
	}
	return withParts(res)
}

func (s *Server) blockByHash(ctx *rpctypes.Context, hash []byte) (*ctypes.ResultBlock, error) {
	res, err := s.client.BlockByHash(ctx.Context(), hash)
	if err != nil {
		return nil, err
	}
	return withParts(res)
}

// blockID is the id of the block at height, part-set header included.
func (s *Server) blockID(ctx context.Context, height int64) (cmtypes.BlockID, error) {
	res, err := s.client.Block(ctx, &height)
	if err != nil {
		return cmtypes.BlockID{}, err
	}
	if res, err = withParts(res); err != nil {
		return cmtypes.BlockID{}, err
	}
	return res.BlockID, nil
}

func (s *Server) commit(ctx *rpctypes.Context, height *int64) (*ctypes.ResultCommit, error) {
	h, err := s.height(ctx.Context(), height)
	if err != nil {
		return nil, err
	}
	res, err := s.client.Commit(ctx.Context(), &h)
	if err != nil {
		return nil, err
	}
	if res.Commit != nil {
		id, err := s.blockID(ctx.Context(), h)
		if err != nil {
			return nil, err
		}
		res.Commit.BlockID.PartSetHeader = id.PartSetHeader
		if len(res.Commit.BlockID.Hash) == 0 {
			res.Commit.BlockID.Hash = id.Hash
		}
	}
	return res, nil
}

func (s *Server) blockchain(ctx *rpctypes.Context, minHeight, maxHeight int64) (*ctypes.ResultBlockchainInfo, error) {
	res, err := s.client.BlockchainInfo(ctx.Context(), minHeight, maxHeight)
	if err != nil {
		return nil, err
	}
	for _, meta := range res.BlockMetas {
		id, err := s.blockID(ctx.Context(), meta.Header.Height)
		if err != nil {
			return nil, err
		}
		meta.BlockID = id
	}
	return res, nil
}

func (s *Server) header(ctx *rpctypes.Context, height *int64) (*ctypes.ResultHeader, error) {
	h, err := s.height(ctx.Context(), height)
	if err != nil {
		return nil, err
	}
	return s.client.Header(ctx.Context(), &h)
}

func (s *Server) headerByHash(ctx *rpctypes.Context, hash cmtbytes.HexBytes) (*ctypes.ResultHeader, error) {
	return s.client.HeaderByHash(ctx.Context(), hash)
}

func (s *Server) blockResults(ctx *rpctypes.Context, height *int64) (*ctypes.ResultBlockResults, error) {
	h, err := s.height(ctx.Context(), height)
	if err != nil {
		return nil, err
	}
	return s.client.BlockResults(ctx.Context(), &h)
}

func (s *Server) blockSearch(ctx *rpctypes.Context, query string, page, perPage *int, orderBy string) (*ctypes.ResultBlockSearch, error) {
	p, pp, err := paging(page, perPage)
	if err != nil {
		return nil, err
	}
	return s.client.BlockSearch(ctx.Context(), query, p, pp, orderBy)
}

func (s *Server) tx(ctx *rpctypes.Context, hash []byte, prove bool) (*ctypes.ResultTx, error) {
	return s.client.Tx(ctx.Context(), hash, prove)
}

func (s *Server) txSearch(ctx *rpctypes.Context, query string, prove bool, page, perPage *int, orderBy string) (*ctypes.ResultTxSearch, error) {
	p, pp, err := paging(page, perPage)
	if err != nil {
		return nil, err
	}
	return s.client.TxSearch(ctx.Context(), query, prove, p, pp, orderBy)
}
