package e2e

import (
	"context"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	cmtypes "github.com/cometbft/cometbft/types"
	ds "github.com/ipfs/go-datastore"
	dsquery "github.com/ipfs/go-datastore/query"
	rollstore "github.com/rollkit/rollkit/store"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/rollupnode"
)

// TestRestartReconcilesThroughStart drives each crash-recovery case of
// rollupnode.Reconcile through the real `milkywayd start`, on stores left
// exactly as a crash leaves them:
//
//   - re-run InitChain: a full node killed before any block reached the DA
//     (rollkit stored its post-InitChain state, the app committed nothing);
//   - rollback: the sequencer's app committed block N but rollkit's state
//     still says N-1 (the crash window between the app's Commit and
//     rollkit's UpdateState; before the fix the reopened app panicked with
//     "lock held by current process");
//   - replay: the full node's app database is older than its block store;
//   - lost index: the full node's tx and block-event indexes lack blocks
//     it committed (rollkit indexes asynchronously; a SIGKILL before the
//     indexer wrote left committed txs that `/tx` never found).
//
// Every case must come back in one start, keep every block and print no
// panic.
func TestRestartReconcilesThroughStart(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice")
	c.startDA()

	// Re-run InitChain: the full node starts before the sequencer ever
	// posted a block, so it runs InitChain and waits; kill it there.
	c.startFullNode()
	waitFor(t, 60*time.Second, "the full node to store its genesis state", func() bool {
		return logHas(c.full.log, "rollup node started")
	})
	c.kill(c.full, syscall.SIGKILL)
	c.startFullNode()
	waitFor(t, 30*time.Second, "the full node to re-run InitChain", func() bool {
		return logHas(c.full.log, "re-running InitChain")
	})

	c.startSequencer()
	waitFor(t, 60*time.Second, "blocks", func() bool { return c.height(c.seqRPC) >= 5 })
	sent := c.tx("alice", "bank", "send", "alice", c.address("alice"), "1umilk")
	c.txResult(sent)

	// Rollback: stop the sequencer cleanly at N, then put rollkit's state
	// back to N-1 while block N and the app's commit of it stay.
	c.kill(c.seq, syscall.SIGTERM)
	n := rewindRollkitState(t, c.home("sequencer"))
	c.startSequencer()
	require.True(t, logHas(c.seq.log, "rolling the app back"), "the sequencer did not take the rollback path")
	waitFor(t, 60*time.Second, "blocks after the rollback", func() bool { return c.height(c.seqRPC) >= n+3 })

	// Replay: the full node's app database goes back to a copy taken
	// earlier, behind its block store.
	waitFor(t, 60*time.Second, "the full node to sync", func() bool { return c.height(c.fullRPC) >= 3 })
	c.kill(c.full, syscall.SIGTERM)
	backup := copyAppDB(t, c.home("fullnode"))
	c.startFullNode()
	from := c.height(c.fullRPC)
	waitFor(t, 60*time.Second, "the full node to move on", func() bool { return c.height(c.fullRPC) >= from+3 })
	c.kill(c.full, syscall.SIGTERM)
	restoreAppDB(t, c.home("fullnode"), backup)
	c.startFullNode()
	require.True(t, logHas(c.full.log, "replaying blocks"), "the full node did not take the replay path")

	// Lost index: every block the full node committed is gone from its
	// indexes; the restart indexes them again from its block store.
	var at int64
	waitFor(t, 60*time.Second, "the full node to index the tx", func() bool {
		h, ok := txHeight(c.fullRPC, sent)
		at = h
		return ok
	})
	c.kill(c.full, syscall.SIGTERM)
	dropIndexes(t, c.home("fullnode"), sent, at)
	repairs := logCount(c.full.log, "indexed committed blocks missing from the transaction index")
	c.startFullNode()
	_, ok := txHeight(c.fullRPC, sent)
	require.True(t, ok, "tx %s committed before the restart is not found on the full node", sent)
	require.Greater(t, logCount(c.full.log, "indexed committed blocks missing from the transaction index"), repairs, "the full node did not repair its index")

	matched := c.requireSameAppHash()
	require.Equal(t, c.blockHashes(c.seqRPC, matched), c.blockHashes(c.fullRPC, matched))
	// The cluster's cleanup fails the test if any log holds a panic.
}

// rewindRollkitState rewrites rollkit's stored State of a stopped node to
// the one it had after block N-1, as rollkit's executor computes it, and
// returns N. Block N stays saved, as it is when a crash hits after the app
// committed it.
func rewindRollkitState(t *testing.T, home string) int64 {
	t.Helper()
	ctx := context.Background()
	blocks, err := rollupnode.OpenBlockStore(home, "data")
	require.NoError(t, err)
	defer func() { require.NoError(t, blocks.Close()) }()
	st, ok, err := blocks.State(ctx)
	require.NoError(t, err)
	require.True(t, ok)
	n := st.LastBlockHeight
	require.Greater(t, n, uint64(2))
	prev, err := blocks.Block(ctx, n-1)
	require.NoError(t, err)
	last, err := blocks.Block(ctx, n)
	require.NoError(t, err)

	st.LastBlockHeight = n - 1
	st.LastBlockTime = prev.Time()
	st.LastBlockID = cmtypes.BlockID{Hash: []byte(prev.Hash())}
	st.AppHash = last.SignedHeader.AppHash
	copy(st.LastResultsHash[:], last.SignedHeader.LastResultsHash)
	st.LastHeightValidatorsChanged--
	require.NoError(t, blocks.Store().UpdateState(ctx, st))
	return int64(n)
}

// dropIndexes puts a stopped node's indexes back to what a SIGKILL before
// rollkit's indexer wrote height `from` leaves: the block index ends below
// `from` and the tx hashed txHash is not found. Rollkit keeps both indexes
// in its block datastore (its prefixes are no-ops: the keys are bare).
func dropIndexes(t *testing.T, home, txHash string, from int64) {
	t.Helper()
	ctx := context.Background()
	kv, err := rollstore.NewDefaultKVStore(home, "data", "rollkit")
	require.NoError(t, err)
	defer func() { require.NoError(t, kv.Close()) }()
	res, err := kv.Query(ctx, dsquery.Query{Prefix: "/block.height", KeysOnly: true})
	require.NoError(t, err)
	entries, err := res.Rest()
	require.NoError(t, err)
	dropped := 0
	for _, e := range entries {
		h, err := strconv.ParseInt(path.Base(e.Key), 10, 64)
		require.NoError(t, err, e.Key)
		if h >= from {
			require.NoError(t, kv.Delete(ctx, ds.NewKey(e.Key)))
			dropped++
		}
	}
	require.NotZero(t, dropped, "no indexed heights at or above %d", from)
	require.NoError(t, kv.Delete(ctx, ds.NewKey(strings.ToLower(txHash))))
}

func copyAppDB(t *testing.T, home string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "application.db")
	out, err := exec.Command("cp", "-a", filepath.Join(home, "data", "application.db"), dst).CombinedOutput()
	require.NoError(t, err, string(out))
	return dst
}

func restoreAppDB(t *testing.T, home, backup string) {
	t.Helper()
	db := filepath.Join(home, "data", "application.db")
	require.NoError(t, os.RemoveAll(db))
	out, err := exec.Command("cp", "-a", backup, db).CombinedOutput()
	require.NoError(t, err, string(out))
}

// logCount counts the occurrences of text in a process log.
func logCount(path, text string) int {
	bz, _ := os.ReadFile(path)
	return strings.Count(string(bz), text)
}

// logHas reports whether a process log contains text.
func logHas(path, text string) bool {
	bz, err := os.ReadFile(path)
	return err == nil && strings.Contains(string(bz), text)
}
