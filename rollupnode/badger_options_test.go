package rollupnode

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	ds "github.com/ipfs/go-datastore"
	"github.com/stretchr/testify/require"
)

// A block-sized value goes to badger's value log, not its LSM tree: the
// tree's tables stay small however many blocks are written.
func TestBlockStoreKeepsBlocksOutOfTheTree(t *testing.T) {
	root := t.TempDir()
	bs, err := OpenBlockStore(root, "data")
	require.NoError(t, err)
	block := make([]byte, 300<<10)
	_, _ = rand.Read(block) // incompressible, as a block of signed txs
	for h := 0; h < 64; h++ {
		require.NoError(t, bs.kv.Put(context.Background(), ds.NewKey(fmt.Sprintf("/block/%d", h)), block))
	}
	require.NoError(t, bs.Close())

	var tables, logs int64
	entries, err := os.ReadDir(filepath.Join(root, "data", "rollkit"))
	require.NoError(t, err)
	for _, e := range entries {
		info, err := e.Info()
		require.NoError(t, err)
		switch filepath.Ext(e.Name()) {
		case ".sst":
			tables += info.Size()
		case ".vlog":
			logs += info.Size()
		}
	}
	require.Greater(t, logs, int64(64*len(block)), "the blocks are in the value log")
	require.Less(t, tables, int64(len(block)), "the tree holds pointers, not blocks")

	// and they read back
	bs, err = OpenBlockStore(root, "data")
	require.NoError(t, err)
	defer bs.Close()
	got, err := bs.kv.Get(context.Background(), ds.NewKey("/block/0"))
	require.NoError(t, err)
	require.Equal(t, block, got)
}
