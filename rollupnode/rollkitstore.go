package rollupnode

import (
	"context"
	"errors"
	"fmt"

	ds "github.com/ipfs/go-datastore"
	ktds "github.com/ipfs/go-datastore/keytransform"
	"github.com/rollkit/rollkit/store"
	"github.com/rollkit/rollkit/types"
)

// rollkitMainPrefix is the key prefix under which rollkit's full node keeps
// blocks and state in its datastore (node/full.go, "mainPrefix").
const rollkitMainPrefix = "0"

// BlockStore is rollkit's block store opened outside a running node.
type BlockStore struct {
	kv    ds.TxnDatastore
	main  ds.TxnDatastore
	store store.Store
}

// OpenBlockStore opens rollkit's datastore under rootDir/dbPath. The node
// must not be running: badger takes an exclusive lock.
func OpenBlockStore(rootDir, dbPath string) (*BlockStore, error) {
	kv, err := store.NewDefaultKVStore(rootDir, dbPath, "rollkit")
	if err != nil {
		return nil, fmt.Errorf("opening rollkit block store in %s: %w", rootDir, err)
	}
	main := ktds.Wrap(kv, ktds.PrefixTransform{Prefix: ds.NewKey(rollkitMainPrefix)}).Children()[0].(ds.TxnDatastore)
	return &BlockStore{kv: kv, main: main, store: store.New(main)}, nil
}

// Store is rollkit's own store API on the opened datastore, for tools and
// tests that need more than recovery does (e.g. writing an older State to
// reproduce a crash between the app's commit and rollkit's state save).
func (b *BlockStore) Store() store.Store { return b.store }

// Close releases the datastore.
func (b *BlockStore) Close() error { return b.kv.Close() }

// State returns rollkit's last committed state; ok is false on a new node.
func (b *BlockStore) State(ctx context.Context) (types.State, bool, error) {
	s, err := b.store.GetState(ctx)
	if errors.Is(err, ds.ErrNotFound) {
		return types.State{}, false, nil
	}
	if err != nil {
		return types.State{}, false, err
	}
	return s, true, nil
}

// Block returns the block stored at height.
func (b *BlockStore) Block(ctx context.Context, height uint64) (*types.Block, error) {
	return b.store.GetBlock(ctx, height)
}

// rollkitStateKey is where rollkit keeps its State (store/store.go).
const rollkitStateKey = "s"

// ForgetState deletes rollkit's stored State so the next start runs
// InitChain again. Only valid before the first block was produced.
func (b *BlockStore) ForgetState(ctx context.Context) error {
	return b.main.Delete(ctx, ds.NewKey(rollkitStateKey))
}
