package fraud_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
)

// equivocation builds a report with two real signed headers for height 2.
func equivocation(t *testing.T, daHeight uint64, at time.Time) *fraud.Report {
	c, store, dir := newChain(t, 2), newStore(), t.TempDir()
	store.initChain()
	d := newDetector(t, dir, c, store)
	d.Observe(ctx, daHeight-1, blocks(c.block(1), c.block(2)), nil)
	d.Observe(ctx, daHeight, blocks(c.at(2, "other", nil)), nil)
	r := d.Reports()[0]
	r.DetectedAt = at
	return r
}

func TestWriteLoadList(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "fraud")
	reports, err := fraud.List(dir)
	require.NoError(t, err)
	require.Empty(t, reports, "a missing dir holds no reports")

	later := equivocation(t, 9, detectedAt.Add(time.Minute))
	earlier := equivocation(t, 30, detectedAt)
	for _, r := range []*fraud.Report{later, earlier} {
		path, err := fraud.Write(dir, r)
		require.NoError(t, err)
		require.Equal(t, filepath.Join(dir, r.FileName()), path)
		loaded, err := fraud.Load(path)
		require.NoError(t, err)
		require.Equal(t, r, loaded)
	}
	// Temporary files are gone, and stray files are not reports.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "README.txt"), []byte("notes"), 0o600))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 3)

	reports, err = fraud.List(dir)
	require.NoError(t, err)
	require.Equal(t, []*fraud.Report{earlier, later}, reports, "oldest detection first")
}

func TestListRefusesABrokenReport(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "equivocation-1-1.json"), []byte(`{"kind":"equivocation"`), 0o600))
	_, err := fraud.List(dir)
	require.ErrorContains(t, err, "equivocation-1-1.json")
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name    string
		mutate  func(r *fraud.Report)
		wantErr string
	}{
		{"well formed", func(*fraud.Report) {}, ""},
		{"unknown kind", func(r *fraud.Report) { r.Kind = "double_spend" }, "unknown kind"},
		{"one header", func(r *fraud.Report) { r.Headers = r.Headers[:1] }, "needs 2 headers"},
		{"same header twice", func(r *fraud.Report) { r.Headers[1] = r.Headers[0] }, "same header"},
		{"wrong height", func(r *fraud.Report) { r.Height = 3 }, "at height 2, want 3"},
		{"hash does not match", func(r *fraud.Report) { r.Headers[0].Hash = r.Headers[1].Hash }, "does not match"},
		{"not a header", func(r *fraud.Report) { r.Headers[1].SignedHeader = []byte{0xff, 0xff} }, "does not decode"},
		{"no chain id", func(r *fraud.Report) { r.ChainID = "" }, "chain_id"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := equivocation(t, 5, detectedAt)
			tc.mutate(r)
			err := r.Validate()
			if tc.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tc.wantErr)
			_, werr := fraud.Write(t.TempDir(), r)
			require.Error(t, werr, "an invalid report is not written")
		})
	}
}

func TestHaltHeight(t *testing.T) {
	require.Equal(t, uint64(7), (&fraud.Report{Kind: fraud.KindEquivocation, Height: 7}).HaltHeight())
	require.Equal(t, uint64(8), (&fraud.Report{Kind: fraud.KindStateMismatch, Height: 7}).HaltHeight())
}
