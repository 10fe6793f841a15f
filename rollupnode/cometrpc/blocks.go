package cometrpc

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	cmtbytes "github.com/cometbft/cometbft/libs/bytes"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
	cmtypes "github.com/cometbft/cometbft/types"
)

// Rollkit leaves part-set headers empty (its blocks are not gossiped in
// parts), and its sequencer signs CometBFT votes over a block id with an
// empty part-set header, so the signed data (/commit, light blocks) must
// keep it empty: IBC light clients verify those signatures. Strict decoders
// (CosmJS) refuse a zero total in a block id, though, so the block views
// (/block, /block_by_hash, /blockchain, block and header events) carry the
// real part set of the block as served: its protobuf encoding cut in
// CometBFT's 64 KiB parts. Those views are for display; verify against
// /commit.
func partSetHeader(b *cmtypes.Block) (cmtypes.PartSetHeader, error) {
	ps, err := b.MakePartSet(cmtypes.BlockPartSizeBytes)
	if err != nil {
		return cmtypes.PartSetHeader{}, fmt.Errorf("building the part set of block %d: %w", b.Height, err)
	}
	return ps.Header(), nil
}

// withParts fills the part-set headers of a block view: the block's own id
// and its header's last block id.
func (s *Server) withParts(ctx context.Context, res *ctypes.ResultBlock) (*ctypes.ResultBlock, error) {
	if res == nil || res.Block == nil {
		return res, nil
	}
	psh, err := partSetHeader(res.Block)
	if err != nil {
		return nil, err
	}
	if err := s.fillLastBlockID(ctx, &res.Block.Header, res.Block.LastCommit); err != nil {
		return nil, err
	}
	res.BlockID.PartSetHeader = psh
	// Rollkit shows the block's own commit as its last commit.
	if lc := res.Block.LastCommit; lc != nil && bytes.Equal(lc.BlockID.Hash, res.BlockID.Hash) {
		lc.BlockID.PartSetHeader = psh
	}
	return res, nil
}

// fillLastBlockID gives a header's last block id, and the block id of the
// last commit shown with it, the part-set header of the previous block
// (none for the first block).
func (s *Server) fillLastBlockID(ctx context.Context, h *cmtypes.Header, lastCommit *cmtypes.Commit) error {
	if h.Height <= 1 || len(h.LastBlockID.Hash) == 0 || !h.LastBlockID.PartSetHeader.IsZero() {
		return nil
	}
	prev := h.Height - 1
	res, err := s.client.Block(ctx, &prev)
	if err != nil {
		return err
	}
	psh, err := partSetHeader(res.Block)
	if err != nil {
		return err
	}
	h.LastBlockID.PartSetHeader = psh
	if lastCommit != nil && bytes.Equal(lastCommit.BlockID.Hash, h.LastBlockID.Hash) {
		lastCommit.BlockID.PartSetHeader = psh
	}
	return nil
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
	return s.withParts(ctx.Context(), res)
}

func (s *Server) blockByHash(ctx *rpctypes.Context, hash []byte) (*ctypes.ResultBlock, error) {
	res, err := s.client.BlockByHash(ctx.Context(), hash)
	if err != nil {
		return nil, err
	}
	return s.withParts(ctx.Context(), res)
}

// blockID is the id of the block at height, part-set header included.
func (s *Server) blockID(ctx context.Context, height int64) (cmtypes.BlockID, error) {
	res, err := s.client.Block(ctx, &height)
	if err != nil {
		return cmtypes.BlockID{}, err
	}
	psh, err := partSetHeader(res.Block)
	if err != nil {
		return cmtypes.BlockID{}, err
	}
	res.BlockID.PartSetHeader = psh
	return res.BlockID, nil
}

// commit is rollkit's commit as signed: its block id keeps the empty
// part-set header the sequencer's signature covers.
func (s *Server) commit(ctx *rpctypes.Context, height *int64) (*ctypes.ResultCommit, error) {
	h, err := s.height(ctx.Context(), height)
	if err != nil {
		return nil, err
	}
	return s.client.Commit(ctx.Context(), &h)
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
		if err := s.fillLastBlockID(ctx.Context(), &meta.Header, nil); err != nil {
			return nil, err
		}
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
	res, err := s.client.BlockResults(ctx.Context(), &h)
	// A rollkit sequencer counts a block in its height before it stores the
	// block's results (block/manager.go, publishBlock). Asked for no height,
	// answer for the newest block whose results are stored, which is what
	// "latest" means on CometBFT.
	if err != nil && height == nil && h > 1 && strings.Contains(err.Error(), "not found") {
		prev := h - 1
		return s.client.BlockResults(ctx.Context(), &prev)
	}
	return res, err
}

func (s *Server) blockSearch(ctx *rpctypes.Context, query string, page, perPage *int, orderBy string) (*ctypes.ResultBlockSearch, error) {
	p, pp, err := paging(page, perPage)
	if err != nil {
		return nil, err
	}
	res, err := s.client.BlockSearch(ctx.Context(), query, p, pp, orderBy)
	if err != nil {
		return nil, err
	}
	for i, b := range res.Blocks {
		if res.Blocks[i], err = s.withParts(ctx.Context(), b); err != nil {
			return nil, err
		}
	}
	return res, nil
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
