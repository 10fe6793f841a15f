package fraud_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/log"
	"github.com/celestiaorg/go-square/v2/share"
	goda "github.com/rollkit/go-da"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// laneRules: epochs of 5 DA heights, one of grace: a tx at DA 7 is due by 14.
var laneRules = sequencertypes.ForcedInclusion{
	Namespace: sequencertypes.DefaultForcedInclusion().Namespace, EpochLength: 5, GraceEpochs: 1,
	EpochByteBudget: 1000, MaxTxBytes: 100,
}

func censorshipDetector(t *testing.T, dir string, c *chain, store *fakeStore, lanes map[uint64][][]byte) *fraud.Detector {
	t.Helper()
	read := func(_ context.Context, h uint64) ([]lane.Blob, error) {
		var out []lane.Blob
		for _, b := range lanes[h] {
			out = append(out, lane.Blob{DAHeight: h, ID: da.MakeID(h, commitment(t, b)), Data: b})
		}
		return out, nil
	}
	tracker := lane.NewTracker(lane.TrackerConfig{
		Rules: laneRules, Read: read, Logger: log.NewNopLogger(),
		Check: func(tx []byte) error {
			if !strings.HasPrefix(string(tx), "tx") {
				return errors.New("not a tx")
			}
			return nil
		},
		Committed: func([32]byte) (uint64, bool) { return 0, false },
		Indexed:   func(h uint64) bool { return h <= store.Height() },
	})
	d, err := fraud.NewDetector(fraud.Config{
		Dir: dir, ChainID: chainID, Sequencer: c.key.PubKey().Address(), Namespace: namespace,
		Store: store, Logger: log.NewNopLogger(), Now: func() time.Time { return detectedAt },
		Lane: &fraud.LaneCheck{Tracker: tracker, Namespace: laneRules.Namespace,
			Proof: func(context.Context, []byte) ([]byte, error) { return []byte(`{"proof":"nmt"}`), nil }},
	})
	require.NoError(t, err)
	return d
}

func commitment(t *testing.T, data []byte) []byte {
	ns, err := share.NewNamespaceFromBytes(laneRules.Namespace)
	require.NoError(t, err)
	c, err := da.CreateCommitment(ns, data)
	require.NoError(t, err)
	return c
}

func blockIDs(daHeight uint64, n int) []goda.ID {
	ids := make([]goda.ID, n)
	for i := range ids {
		ids[i] = da.MakeID(daHeight, []byte{byte(i + 1)})
	}
	return ids
}

// TestDetectorReportsCensorship: a tx forced at DA 7 (due by 14) is in none
// of blocks 1-3; block 4, posted at DA 15, is the first after the deadline.
// The node reports it, halts at 4, and still does after a restart.
func TestDetectorReportsCensorship(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := newChain(t, 4)
	store := newStore()
	store.initChain()
	forced := []byte("tx-forced-transfer")
	lanes := map[uint64][][]byte{7: {[]byte("junk"), forced}}
	d := censorshipDetector(t, dir, c, store, lanes)

	d.Observe(ctx, 6, blocks(c.block(1)), blockIDs(6, 1))
	d.Observe(ctx, 7, nil, nil)
	d.Observe(ctx, 10, blocks(c.block(2), c.block(3)), blockIDs(10, 2))
	for h := uint64(1); h <= 3; h++ {
		store.apply(c.block(h))
	}
	d.Observe(ctx, 14, nil, nil)
	require.Empty(t, d.Reports(), "a DA height at the deadline: still in time")
	d.Observe(ctx, 15, blocks(c.block(4)), blockIDs(15, 1))

	reports := d.Reports()
	require.Len(t, reports, 1)
	r := reports[0]
	require.NoError(t, r.Validate())
	require.Equal(t, fraud.KindCensorship, r.Kind)
	require.Equal(t, uint64(4), r.Height)
	require.Equal(t, uint64(4), r.HaltHeight())
	require.Equal(t, uint64(15), r.DAHeight)
	sum := sha256.Sum256(forced)
	require.Equal(t, strings.ToUpper(hex.EncodeToString(sum[:])), r.Forced.TxHash)
	require.Equal(t, forced, r.Forced.Tx)
	require.Equal(t, uint64(7), r.Forced.DAHeight)
	require.Equal(t, uint64(14), r.Forced.Deadline)
	require.Equal(t, strings.ToUpper(hex.EncodeToString(commitment(t, forced))), r.Forced.Commitment)
	require.Equal(t, []byte(`{"proof":"nmt"}`), r.Forced.Proof)
	requireVerifies(t, c, *r.LateHeader)
	require.Equal(t, uint64(7), r.Scanned.FromDAHeight)
	require.Equal(t, uint64(15), r.Scanned.ToDAHeight)
	require.Len(t, r.Scanned.Blocks, 3, "blocks 2, 3 (DA 10) and 4 (DA 15)")
	require.False(t, d.Admit(4))
	require.True(t, d.Admit(3))

	restarted := censorshipDetector(t, dir, c, store, lanes)
	require.Len(t, restarted.Reports(), 1, "the report is on disk")
	require.False(t, restarted.Admit(4), "and the halt survives the restart")
}

// TestDetectorNoCensorshipWhenIncluded: the same forced tx in block 3
// (DA 10) is in time; nothing is reported past the deadline.
func TestDetectorNoCensorshipWhenIncluded(t *testing.T) {
	ctx := context.Background()
	c := newChain(t, 2)
	forced := []byte("tx-forced-transfer")
	c.extend(t, string(forced), nil)
	c.extend(t, "tx-4", nil)
	store := newStore()
	store.initChain()
	d := censorshipDetector(t, t.TempDir(), c, store, map[uint64][][]byte{7: {forced}})
	d.Observe(ctx, 6, blocks(c.block(1), c.block(2)), blockIDs(6, 2))
	d.Observe(ctx, 7, nil, nil)
	d.Observe(ctx, 10, blocks(c.block(3)), blockIDs(10, 1))
	for h := uint64(1); h <= 3; h++ {
		store.apply(c.block(h))
	}
	d.Observe(ctx, 15, blocks(c.block(4)), blockIDs(15, 1))
	require.Empty(t, d.Reports())
	require.True(t, d.Admit(4))
}
