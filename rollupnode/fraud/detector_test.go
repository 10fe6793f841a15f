package fraud_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	rollkittypes "github.com/rollkit/rollkit/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
)

var ctx = context.Background()

func blocks(bs ...*rollkittypes.Block) []*rollkittypes.Block { return bs }

// requireOneReport checks that exactly one report was recorded, in memory
// and on disk under its file name, and returns it.
func requireOneReport(t *testing.T, d *fraud.Detector, dir string) *fraud.Report {
	t.Helper()
	reports := d.Reports()
	require.Len(t, reports, 1)
	r := reports[0]
	onDisk, err := fraud.Load(filepath.Join(dir, r.FileName()))
	require.NoError(t, err)
	require.Equal(t, r, onDisk)
	require.Equal(t, chainID, r.ChainID)
	require.Equal(t, namespace, r.Namespace)
	require.Equal(t, detectedAt, r.DetectedAt)
	return r
}

func TestHonestChainIsNotFraud(t *testing.T) {
	c, store, dir := newChain(t, 6), newStore(), t.TempDir()
	d := newDetector(t, dir, c, store)
	d.Observe(ctx, 1, nil, nil) // before InitChain: no state yet
	store.initChain()
	// Blocks arrive in batches before the node executes them, and the
	// sequencer posts some twice.
	d.Observe(ctx, 2, blocks(c.block(1), c.block(2), c.block(3)), nil)
	for h := uint64(1); h <= 3; h++ {
		store.apply(c.block(h))
		d.Observe(ctx, 2+h, nil, nil)
	}
	d.Observe(ctx, 6, blocks(c.block(3), c.block(4), c.block(5), c.block(6)), nil)
	for h := uint64(4); h <= 6; h++ {
		store.apply(c.block(h))
		d.Observe(ctx, 6+h, nil, nil)
	}
	require.Empty(t, d.Reports())
	require.Nil(t, d.Status())
	require.True(t, d.Admit(7))
}

func TestEquivocationOnDA(t *testing.T) {
	c, store, dir := newChain(t, 3), newStore(), t.TempDir()
	store.initChain()
	d := newDetector(t, dir, c, store)
	d.Observe(ctx, 10, blocks(c.block(1), c.block(2)), nil)
	other := c.at(2, "other tx", nil)
	d.Observe(ctx, 11, blocks(other, c.block(3)), nil)

	r := requireOneReport(t, d, dir)
	require.Equal(t, fraud.KindEquivocation, r.Kind)
	require.Equal(t, uint64(2), r.Height)
	require.Equal(t, uint64(11), r.DAHeight)
	require.Equal(t, "equivocation-11-2.json", r.FileName())
	require.Len(t, r.Headers, 2)
	first, second := requireVerifies(t, c, r.Headers[0]), requireVerifies(t, c, r.Headers[1])
	require.Equal(t, c.block(2).Hash(), first.Hash())
	require.Equal(t, other.Hash(), second.Hash())
	require.Equal(t, fraud.Header{Hash: first.Hash().String(), DAHeight: 10, Source: fraud.SourceDA, SignedHeader: r.Headers[0].SignedHeader}, r.Headers[0])
	require.Equal(t, uint64(11), r.Headers[1].DAHeight)

	// Nothing at or above height 2 is handed on any more, not even the
	// genuine block 3 read with the second header.
	require.True(t, d.Admit(1))
	require.False(t, d.Admit(2))
	require.False(t, d.Admit(3))
	require.Equal(t, &fraud.HaltStatus{HaltHeight: 2, Reports: 1, HighestWithheldHeight: 3, ReportsPath: fraud.ReportsPath}, d.Status())

	// A third header for the same height is not a second report.
	d.Observe(ctx, 12, blocks(c.at(2, "third tx", nil)), nil)
	require.Len(t, d.Reports(), 1)
}

// TestEquivocationAgainstStore: the node applied block 2 (received over
// P2P, or read from DA before a restart); the DA then shows another one.
func TestEquivocationAgainstStore(t *testing.T) {
	c, store, dir := newChain(t, 3), newStore(), t.TempDir()
	store.initChain()
	for h := uint64(1); h <= 3; h++ {
		store.apply(c.block(h))
	}
	d := newDetector(t, dir, c, store)
	other := c.at(2, "other tx", nil)
	d.Observe(ctx, 40, blocks(other), nil)

	r := requireOneReport(t, d, dir)
	require.Equal(t, fraud.KindEquivocation, r.Kind)
	require.Equal(t, uint64(2), r.Height)
	require.Equal(t, fraud.SourceStore, r.Headers[0].Source)
	require.Zero(t, r.Headers[0].DAHeight)
	require.Equal(t, c.block(2).Hash(), requireVerifies(t, c, r.Headers[0]).Hash())
	require.Equal(t, fraud.SourceDA, r.Headers[1].Source)
	require.Equal(t, uint64(40), r.Headers[1].DAHeight)
	require.Equal(t, other.Hash(), requireVerifies(t, c, r.Headers[1]).Hash())
	require.False(t, d.Admit(4))
}

// TestEquivocationFoundWhenTheNodeCatchesUp: the DA header comes first,
// the node applies a different block for that height later.
func TestEquivocationFoundWhenTheNodeCatchesUp(t *testing.T) {
	c, store, dir := newChain(t, 2), newStore(), t.TempDir()
	store.initChain()
	d := newDetector(t, dir, c, store)
	other := c.at(2, "other tx", nil)
	d.Observe(ctx, 5, blocks(other), nil)
	require.Empty(t, d.Reports())
	store.apply(c.block(1))
	store.apply(c.block(2))
	d.Observe(ctx, 6, nil, nil)
	r := requireOneReport(t, d, dir)
	require.Equal(t, uint64(2), r.Height)
	require.Equal(t, []string{fraud.SourceStore, fraud.SourceDA}, []string{r.Headers[0].Source, r.Headers[1].Source})
}

func TestStateMismatch(t *testing.T) {
	c, store, dir := newChain(t, 2), newStore(), t.TempDir()
	store.initChain()
	d := newDetector(t, dir, c, store)
	d.Observe(ctx, 7, blocks(c.block(1), c.block(2)), nil)
	// Header 3 claims a state after block 2 that executing it does not give.
	lie := []byte("0123456789abcdef0123456789abcdef")
	bad := c.next("tx-3", lie)
	d.Observe(ctx, 8, blocks(bad), nil)
	store.apply(c.block(1))
	d.Observe(ctx, 9, nil, nil)
	require.Empty(t, d.Reports(), "block 2 is not executed yet")
	store.apply(c.block(2))
	d.Observe(ctx, 10, nil, nil)

	r := requireOneReport(t, d, dir)
	require.Equal(t, fraud.KindStateMismatch, r.Kind)
	require.Equal(t, uint64(2), r.Height)
	require.Equal(t, uint64(8), r.DAHeight)
	require.Equal(t, fmt.Sprintf("%X", c.hashes[2]), r.ExpectedAppHash)
	require.Equal(t, fmt.Sprintf("%X", lie), r.ClaimedAppHash)
	next := requireVerifies(t, c, *r.NextHeader)
	require.Equal(t, bad.Hash(), next.Hash())
	require.Equal(t, uint64(8), r.NextHeader.DAHeight)
	executed, err := r.Block.Decode()
	require.NoError(t, err)
	require.Equal(t, c.block(2).Hash(), executed.Hash())
	require.Equal(t, c.block(2).Data.Txs, executed.Data.Txs)
	require.Equal(t, uint64(7), r.Block.DAHeight)
	require.Equal(t, fraud.SourceDA, r.Block.Source)

	// The node keeps block 2's state and takes nothing from height 3 on.
	require.True(t, d.Admit(2))
	require.False(t, d.Admit(3))
	require.Equal(t, uint64(3), d.Status().HaltHeight)
}

func TestStateMismatchAtGenesis(t *testing.T) {
	c, store, dir := newChain(t, 0), newStore(), t.TempDir()
	store.initChain()
	d := newDetector(t, dir, c, store)
	d.Observe(ctx, 3, blocks(c.next("tx-1", []byte("not the genesis state"))), nil)
	r := requireOneReport(t, d, dir)
	require.Equal(t, fraud.KindStateMismatch, r.Kind)
	require.Zero(t, r.Height)
	require.Nil(t, r.Block)
	require.Equal(t, fmt.Sprintf("%X", genesisAppHash), r.ExpectedAppHash)
	require.False(t, d.Admit(1))
}

// TestForkIsNotAStateMismatch: header 3 builds on another block 2 than
// the one the node executed, so its app hash says nothing about this
// node's block 2 and is not reported as a mismatch.
func TestForkIsNotAStateMismatch(t *testing.T) {
	c, store, dir := newChain(t, 2), newStore(), t.TempDir()
	store.initChain()
	store.apply(c.block(1))
	store.apply(c.block(2))
	fork := newChain(t, 0)
	fork.key = c.key
	for h := 1; h <= 2; h++ {
		fork.extend(t, fmt.Sprintf("fork-%d", h), nil)
	}
	d := newDetector(t, dir, c, store)
	d.Observe(ctx, 20, blocks(fork.next("fork-3", nil)), nil)
	require.Empty(t, d.Reports())
	require.True(t, d.Admit(3))
}

func TestHaltSurvivesRestart(t *testing.T) {
	c, store, dir := newChain(t, 3), newStore(), t.TempDir()
	store.initChain()
	d := newDetector(t, dir, c, store)
	d.Observe(ctx, 1, blocks(c.block(1), c.block(2), c.block(3)), nil)
	d.Observe(ctx, 2, blocks(c.at(3, "other", nil)), nil)
	require.False(t, d.Admit(3))

	restarted := newDetector(t, dir, c, store)
	require.Len(t, restarted.Reports(), 1)
	require.True(t, restarted.Admit(2))
	require.False(t, restarted.Admit(3))
	require.Equal(t, uint64(3), restarted.Status().HaltHeight)
	// Seeing the same fraud again does not write a second report.
	restarted.Observe(ctx, 3, blocks(c.block(1)), nil)
	require.Len(t, restarted.Reports(), 1)
}

func TestReportsHandler(t *testing.T) {
	c, store, dir := newChain(t, 2), newStore(), t.TempDir()
	store.initChain()
	d := newDetector(t, dir, c, store)
	srv := httptest.NewServer(d.Handler())
	defer srv.Close()

	get := func() []fraud.Report {
		resp, err := http.Get(srv.URL)
		require.NoError(t, err)
		defer resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
		var out []fraud.Report
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
		require.NotNil(t, out, "an empty list is [], not null")
		return out
	}
	require.Empty(t, get())
	d.Observe(ctx, 1, blocks(c.block(1), c.block(2), c.at(2, "other", nil)), nil)
	got := get()
	require.Len(t, got, 1)
	require.Equal(t, *d.Reports()[0], got[0])

	resp, err := http.Post(srv.URL, "application/json", nil)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode)
}

// TestHaltsWhenTheReportCannotBeWritten: a full disk or a broken data dir
// must not let the node go on following a sequencer it caught.
func TestHaltsWhenTheReportCannotBeWritten(t *testing.T) {
	c, store := newChain(t, 2), newStore()
	store.initChain()
	dir := filepath.Join(t.TempDir(), "fraud")
	d := newDetector(t, dir, c, store)
	require.NoError(t, os.WriteFile(dir, []byte("a file where the report dir should be"), 0o600))
	d.Observe(ctx, 1, blocks(c.block(1), c.block(2), c.at(2, "other", nil)), nil)
	require.False(t, d.Admit(2))
	require.Len(t, d.Reports(), 1, "served on the RPC even though not on disk")
}
