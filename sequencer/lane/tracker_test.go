package lane_test

import (
	"context"
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
)

// Forced tx at DA 12 (epoch 1) is due by DA 29.

func newWorld() (*fakeDA, *chain, *lane.Tracker) {
	da := &fakeDA{blobs: map[uint64][]lane.Blob{}, fail: map[uint64]bool{}}
	c := &chain{committed: map[[32]byte]uint64{}}
	return da, c, c.tracker(da)
}

func TestTrackerIncludedInTime(t *testing.T) {
	da, c, tr := newWorld()
	ctx := context.Background()
	forced := tx("forced", 20)
	da.post(12, forced)
	require.Empty(t, tr.Observe(ctx, 11, nil, nil))
	require.Empty(t, tr.Observe(ctx, 12, nil, nil))
	require.Equal(t, 1, tr.Pending())
	// The sequencer's block 5, posted at DA 14, carries it. That the tx
	// fails in the block (a bad sequence, no fee) does not matter: the
	// rule is about the bytes being in a block, never about the result.
	b := block(5, tx("mempool", 10), forced)
	require.Empty(t, tr.Observe(ctx, 14, blockList(b), ids(b)))
	require.Equal(t, 0, tr.Pending())
	c.indexed = 10
	late := block(9)
	require.Empty(t, tr.Observe(ctx, 35, blockList(late), ids(late)))
}

func TestTrackerFindsCensorshipAtTheFirstLateBlock(t *testing.T) {
	da, c, tr := newWorld()
	ctx := context.Background()
	forced := tx("forced", 20)
	da.post(12, forced)
	tr.Observe(ctx, 10, nil, nil)
	b5, b6 := block(5, tx("other", 10)), block(6)
	require.Empty(t, tr.Observe(ctx, 15, blockList(b5), ids(b5)))
	require.Empty(t, tr.Observe(ctx, 29, blockList(b6), ids(b6)), "DA 29 is the deadline itself: still in time")
	require.Empty(t, tr.Observe(ctx, 30, nil, nil), "a DA height past the deadline without a block proves nothing")
	b7, b8 := block(7), block(8)
	c.indexed = 6
	got := tr.Observe(ctx, 31, blockList(b8, b7), ids(b8, b7))
	require.Len(t, got, 1)
	require.Equal(t, forced, got[0].Forced.Tx)
	require.Equal(t, sha256.Sum256(forced), got[0].Forced.Hash)
	require.Equal(t, uint64(12), got[0].Forced.DAHeight)
	require.Equal(t, uint64(29), got[0].Forced.Deadline)
	require.Equal(t, uint64(7), got[0].Late.Header.Height(), "the lowest block at the first late DA height")
	require.Equal(t, uint64(31), got[0].Late.DAHeight)
	require.Equal(t, []byte("block-7"), got[0].Late.ID)
	var scanned []uint64
	for _, s := range got[0].Scanned {
		scanned = append(scanned, s.Height)
	}
	require.Equal(t, []uint64{5, 6, 8, 7}, scanned, "the blocks seen from DA 12 to 31")
	require.Equal(t, 0, tr.Pending(), "reported once")
	require.Empty(t, tr.Observe(ctx, 32, blockList(block(9)), ids(block(9))))
}

func TestTrackerWaitsForTheIndexAndCountsEarlierInclusion(t *testing.T) {
	da, c, tr := newWorld()
	ctx := context.Background()
	forced := tx("replayed", 20)
	da.post(12, forced)
	tr.Observe(ctx, 10, nil, nil)
	late := block(7)
	require.Empty(t, tr.Observe(ctx, 31, blockList(late), ids(late)), "blocks below 7 are not indexed yet: no verdict")
	require.Equal(t, 1, tr.Pending())
	// Block 3 (read before the tx was forced, say) already had these bytes.
	c.committed[sha256.Sum256(forced)] = 3
	c.indexed = 6
	require.Empty(t, tr.Observe(ctx, 32, nil, nil))
	require.Equal(t, 0, tr.Pending(), "in the chain below the late block: not censored")
}

func TestTrackerIgnoresInclusionAfterTheLateBlock(t *testing.T) {
	da, c, tr := newWorld()
	ctx := context.Background()
	forced := tx("late", 20)
	da.post(12, forced)
	tr.Observe(ctx, 10, nil, nil)
	late := block(7, forced)
	c.committed[sha256.Sum256(forced)] = 7
	c.indexed = 7
	got := tr.Observe(ctx, 31, blockList(late), ids(late))
	require.Len(t, got, 1, "put in only by the first late block: too late")
}

func TestTrackerRetriesTheLaneAndJudgesOnlyWhatItWatched(t *testing.T) {
	da, c, tr := newWorld()
	ctx := context.Background()
	da.post(11, tx("before-start", 20)) // before the first height this node reads blocks at
	da.post(13, tx("watched", 20))
	da.fail[13] = true
	c.indexed = 100
	tr.Observe(ctx, 12, nil, nil)
	require.Equal(t, []uint64{10, 11, 12}, da.reads, "the lane is read from the epoch's start for the budget")
	b := block(50)
	require.Empty(t, tr.Observe(ctx, 40, blockList(b), ids(b)), "the lane is behind: no verdicts")
	delete(da.fail, 13)
	b2 := block(51)
	got := tr.Observe(ctx, 41, blockList(b2), ids(b2))
	require.Len(t, got, 1)
	require.Equal(t, tx("watched", 20), got[0].Forced.Tx, "the tx before the node's first height is not judged")
	require.Equal(t, uint64(51), got[0].Late.Header.Height(), "the late block is the first seen once the lane caught up")
}

func TestTrackerBudgetMatchesAcrossStartHeights(t *testing.T) {
	// Two nodes, one from DA 10, one from DA 14, must admit the same
	// transactions at DA 15: the late starter reads the epoch from 10.
	da := &fakeDA{blobs: map[uint64][]lane.Blob{}, fail: map[uint64]bool{}}
	for _, h := range []uint64{11, 12, 13} {
		da.post(h, tx(string(rune('a'+h)), 30))
	}
	da.post(15, tx("fits-only-if-counted", 30))
	early, late := (&chain{}).tracker(da), (&chain{}).tracker(da)
	ctx := context.Background()
	for h := uint64(10); h <= 15; h++ {
		early.Observe(ctx, h, nil, nil)
	}
	late.Observe(ctx, 14, nil, nil)
	late.Observe(ctx, 15, nil, nil)
	require.Equal(t, 3, early.Pending(), "90 of 100 bytes: the 4th does not fit")
	require.Equal(t, 0, late.Pending(), "the late node skips the same 4th tx and judges none before its start")
}

func TestQueueKeepsDAOrderWithinABlock(t *testing.T) {
	q := lane.NewQueue()
	a, b, c := lane.Forced{Tx: tx("a", 30), Hash: [32]byte{1}}, lane.Forced{Tx: tx("b", 30), Hash: [32]byte{2}}, lane.Forced{Tx: tx("c", 10), Hash: [32]byte{3}}
	q.Add(a, b, c, a)
	require.Equal(t, 3, q.Len(), "queued once")
	got := q.Take(45)
	require.Equal(t, [][]byte{a.Tx}, got, "b does not fit and c may not jump it")
	require.Equal(t, [][]byte{b.Tx, c.Tx}, q.Take(1000))
	require.Empty(t, q.Take(1000))
}

func TestTrackerIgnoresResubmittedBlocks(t *testing.T) {
	da, c, tr := newWorld()
	ctx := context.Background()
	forced := tx("forced", 20)
	da.post(12, forced)
	tr.Observe(ctx, 10, nil, nil)
	b5 := block(5)
	tr.Observe(ctx, 20, blockList(b5), ids(b5))
	c.indexed = 100
	require.Empty(t, tr.Observe(ctx, 31, blockList(b5), ids(b5)), "block 5 posted again past the deadline is not a new block")
	b6 := block(6)
	got := tr.Observe(ctx, 32, blockList(b6), ids(b6))
	require.Len(t, got, 1)
	require.Equal(t, uint64(6), got[0].Late.Header.Height(), "the first new block past the deadline")
}
