package cometrpc

import (
	"context"
	"errors"

	rpcclient "github.com/cometbft/cometbft/rpc/client"
	ctypes "github.com/cometbft/cometbft/rpc/core/types"
)

// The errors a CometBFT node answers with when config.toml turns
// indexing off ([tx_index] indexer = "null"), word for word, so clients
// that recognise them keep doing so.
var (
	ErrTxIndexingDisabled    = errors.New("transaction indexing is disabled")
	ErrBlockIndexingDisabled = errors.New("block indexing is disabled")
)

// Unindexed wraps a node's client for a node that keeps no index: tx,
// tx_search and block_search say indexing is off, instead of answering
// "not found" from an index nobody writes. Everything else is c's.
func Unindexed(c rpcclient.Client) rpcclient.Client { return unindexedClient{c} }

type unindexedClient struct{ rpcclient.Client }

func (unindexedClient) Tx(context.Context, []byte, bool) (*ctypes.ResultTx, error) {
	return nil, ErrTxIndexingDisabled
}

func (unindexedClient) TxSearch(context.Context, string, bool, *int, *int, string) (*ctypes.ResultTxSearch, error) {
	return nil, ErrTxIndexingDisabled
}

func (unindexedClient) BlockSearch(context.Context, string, *int, *int, string) (*ctypes.ResultBlockSearch, error) {
	return nil, ErrBlockIndexingDisabled
}
