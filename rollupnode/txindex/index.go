// Package txindex is a full node's transaction index: what /tx, /tx_search
// and the SDK's tx queries read, written as the node executes blocks.
//
// Rollkit's own (state/txindex/kv) writes one key per indexed event
// attribute per transaction: about 30 for a restake. Writing those keys
// was nearly half the time a full node took to replay a chain of full
// blocks (issue 15). This index writes, per transaction, one key holding
// its result, and per block chunk one key for each distinct attribute
// value, listing the transactions that carry it. A block of 1,000 restakes
// shares most of its values (the action, the module, the fee, the pool):
// a few keys per transaction remain, and each is cheap to build.
//
// Search answers CometBFT's query language: it takes candidates from the
// most selective condition's postings, then keeps those that meet every
// condition as CometBFT v0.38's kv index judges them (match.go).
//
// The index lives in a badger store of its own (data/tx_index), whose
// value log takes the results, so compactions copy only the small keys.
package txindex

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/gogoproto/proto"
	"github.com/dgraph-io/badger/v4"
	"github.com/rollkit/rollkit/state/txindex"
)

var _ txindex.TxIndexer = (*Index)(nil)

// ErrClosed is what a query gets once the node has closed the index.
var ErrClosed = errors.New("the transaction index is closed: the node is stopping")

// Index is the transaction index. Its methods are safe for concurrent use.
type Index struct {
	mu     sync.RWMutex // held for reading by every use; Close takes it to write
	db     *badger.DB
	closed bool
}

// Open opens (creating it if needed) the index in dir.
func Open(dir string) (*Index, error) {
	opts := badger.DefaultOptions(dir).
		WithLogger(nil).
		// A result (2-3 KiB) goes to the value log, written once; the
		// tree keeps the keys, and compactions copy only those.
		WithValueThreshold(1 << 10).
		// Badger's defaults are sized for a database server (64 MiB
		// memtables, five of them, a 256 MiB block cache); this store
		// shares the machine with the node.
		WithMemTableSize(16 << 20).
		WithNumMemtables(3).
		WithBlockCacheSize(32 << 20).
		WithNumCompactors(2)
	db, err := badger.Open(opts)
	if err != nil {
		return nil, fmt.Errorf("opening the transaction index in %s: %w", dir, err)
	}
	return &Index{db: db}, nil
}

// Close closes the store; later calls answer ErrClosed.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	return ix.db.Close()
}

// read runs f on a read transaction of the open store.
func (ix *Index) read(f func(txn *badger.Txn) error) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.closed {
		return ErrClosed
	}
	return ix.db.View(f)
}

// Get returns the transaction with hash, or nil if the index lacks it.
func (ix *Index) Get(hash []byte) (*abci.TxResult, error) {
	if len(hash) == 0 {
		return nil, txindex.ErrorEmptyHash
	}
	var res *abci.TxResult
	err := ix.read(func(txn *badger.Txn) error {
		var err error
		res, err = getResult(txn, hash)
		return err
	})
	return res, err
}

func getResult(txn *badger.Txn, hash []byte) (*abci.TxResult, error) {
	item, err := txn.Get(resultKey(hash))
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	res := new(abci.TxResult)
	if err := item.Value(func(v []byte) error { return proto.Unmarshal(v, res) }); err != nil {
		return nil, fmt.Errorf("reading the result of tx %X: %w", hash, err)
	}
	return res, nil
}

// IndexedHeight is the last height SetIndexedHeight recorded, 0 for an
// empty index. rollupnode.RepairIndex indexes again from there.
func (ix *Index) IndexedHeight() (int64, error) {
	var height int64
	err := ix.read(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte{heightKey})
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return item.Value(func(v []byte) error {
			if len(v) != 8 {
				return errBadKey
			}
			height = int64(binary.BigEndian.Uint64(v))
			return nil
		})
	})
	return height, err
}
