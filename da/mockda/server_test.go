package mockda

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"testing"
	"time"

	"github.com/celestiaorg/go-square/v2/inclusion"
	"github.com/celestiaorg/go-square/v2/share"
	"github.com/cometbft/cometbft/crypto/merkle"
	"github.com/stretchr/testify/require"
)

func TestBlocksAreProducedOnTicker(t *testing.T) {
	s := startServer(t, t.TempDir(), fastBlockTime, 0)
	ctx := context.Background()
	ns := testNamespace(t, 1)

	ids, err := s.GetIDs(ctx, 0, ns)
	require.NoError(t, err)
	require.Empty(t, ids)

	// Empty blocks still advance the height.
	require.Eventually(t, func() bool { return s.Height() >= 3 }, 10*time.Second, 5*time.Millisecond)
	var prev time.Time
	for h := uint64(1); h <= 3; h++ {
		hdr, err := s.Header(h)
		require.NoError(t, err)
		require.Equal(t, h, hdr.Height)
		require.Zero(t, hdr.BlobCount)
		require.Equal(t, merkle.HashFromByteSlices(nil), hdr.DataRoot)
		require.False(t, hdr.Time.Before(prev))
		prev = hdr.Time

		ids, err := s.GetIDs(ctx, h, ns)
		require.NoError(t, err)
		require.Empty(t, ids)
	}

	// Submit returns once the blobs are in a produced block.
	ids, err = s.Submit(ctx, [][]byte{[]byte("hello")}, 0, ns)
	require.NoError(t, err)
	require.Len(t, ids, 1)
	height := binary.LittleEndian.Uint64(ids[0])
	require.Greater(t, height, uint64(3))
	require.LessOrEqual(t, height, s.Height())
	got, err := s.GetIDs(ctx, height, ns)
	require.NoError(t, err)
	require.Equal(t, ids, got)
}

func TestNamespacesAreIsolated(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ctx := context.Background()
	nsA, nsB := testNamespace(t, 1), testNamespace(t, 2)

	// Both namespaces in the same block.
	resA := submitAsync(ctx, s, nsA, []byte("blob for A"))
	waitPending(t, s, 1)
	resB := submitAsync(ctx, s, nsB, []byte("blob for B"))
	produceAfter(t, s, 2)
	a, b := <-resA, <-resB
	require.NoError(t, a.err)
	require.NoError(t, b.err)
	height := s.Height()

	idsA, err := s.GetIDs(ctx, height, nsA)
	require.NoError(t, err)
	require.Equal(t, a.ids, idsA)
	idsB, err := s.GetIDs(ctx, height, nsB)
	require.NoError(t, err)
	require.Equal(t, b.ids, idsB)

	blobs, err := s.Get(ctx, idsA, nsA)
	require.NoError(t, err)
	require.Equal(t, [][]byte{[]byte("blob for A")}, blobs)

	// An ID of A is unknown in B, and in a namespace nobody used.
	for _, ns := range [][]byte{nsB, testNamespace(t, 3)} {
		_, err = s.Get(ctx, idsA, ns)
		require.ErrorIs(t, err, ErrBlobNotFound)
		require.ErrorContains(t, err, hex.EncodeToString(idsA[0]))
		_, err = s.GetProofs(ctx, idsA, ns)
		require.ErrorIs(t, err, ErrBlobNotFound)
	}
	ids, err := s.GetIDs(ctx, height, testNamespace(t, 3))
	require.NoError(t, err)
	require.Empty(t, ids)
}

func TestIDsAreHeightAndShareCommitment(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ctx := context.Background()
	ns := testNamespace(t, 1)
	// One blob fitting a single share, one spanning many shares.
	data := [][]byte{[]byte("small"), randomBytes(t, 100_000), []byte("small")}

	ids := submitNow(t, s, ns, data...)
	require.Equal(t, uint64(1), s.Height())

	gsNs, err := share.NewNamespaceFromBytes(ns)
	require.NoError(t, err)
	commitments, err := s.Commit(ctx, data, ns)
	require.NoError(t, err)
	for i, d := range data {
		blob, err := share.NewV0Blob(gsNs, d)
		require.NoError(t, err)
		want, err := inclusion.CreateCommitment(blob, merkle.HashFromByteSlices, 64)
		require.NoError(t, err)

		require.Len(t, ids[i], 8+32)
		require.Equal(t, uint64(1), binary.LittleEndian.Uint64(ids[i][:8]))
		require.Equal(t, want, ids[i][8:])
		require.Equal(t, want, commitments[i])
	}
	// Identical blobs share a commitment, hence an ID, and both are listed.
	require.Equal(t, ids[0], ids[2])
	got, err := s.GetIDs(ctx, 1, ns)
	require.NoError(t, err)
	require.Equal(t, ids, got)
	blobs, err := s.Get(ctx, ids, ns)
	require.NoError(t, err)
	require.Equal(t, data, blobs)
}

func TestGetIDsKeepsSubmissionOrder(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ctx := context.Background()
	ns := testNamespace(t, 1)

	first := submitAsync(ctx, s, ns, []byte("1"), []byte("2"))
	waitPending(t, s, 1)
	second := submitAsync(ctx, s, ns, []byte("3"))
	produceAfter(t, s, 2)
	r1, r2 := <-first, <-second
	require.NoError(t, r1.err)
	require.NoError(t, r2.err)

	ids, err := s.GetIDs(ctx, s.Height(), ns)
	require.NoError(t, err)
	require.Equal(t, append(r1.ids, r2.ids...), ids)
}

func TestProofsProveInclusion(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ctx := context.Background()
	// nsB sorts before nsA but is submitted last: leaves must follow
	// namespace order, then submission order.
	nsA, nsB := testNamespace(t, 2), testNamespace(t, 1)
	resA := submitAsync(ctx, s, nsA, []byte("a1"), []byte("a2"), randomBytes(t, 5000))
	waitPending(t, s, 1)
	resB := submitAsync(ctx, s, nsB, []byte("b1"))
	produceAfter(t, s, 2)
	a, b := <-resA, <-resB
	require.NoError(t, a.err)
	require.NoError(t, b.err)

	// The data root is recomputable from IDs alone.
	var leaves [][]byte
	for _, id := range b.ids {
		leaves = append(leaves, append(append([]byte{}, nsB...), id[8:]...))
	}
	for _, id := range a.ids {
		leaves = append(leaves, append(append([]byte{}, nsA...), id[8:]...))
	}
	hdr, err := s.Header(s.Height())
	require.NoError(t, err)
	require.Equal(t, merkle.HashFromByteSlices(leaves), hdr.DataRoot)
	require.Equal(t, uint32(4), hdr.BlobCount)

	proofs, err := s.GetProofs(ctx, a.ids, nsA)
	require.NoError(t, err)
	require.Len(t, proofs, len(a.ids))
	ok, err := s.Validate(ctx, a.ids, proofs, nsA)
	require.NoError(t, err)
	require.Equal(t, []bool{true, true, true}, ok)

	// Every single altered byte of a proof makes it invalid.
	for i := range proofs[0] {
		ok, err := s.Validate(ctx, a.ids[:1], [][]byte{flip(proofs[0], i)}, nsA)
		require.NoError(t, err)
		require.Equal(t, []bool{false}, ok, "flipped byte %d", i)
	}
	// Truncated, extended or empty proofs are invalid too.
	for _, p := range [][]byte{proofs[0][:len(proofs[0])-1], append(proofs[0], 0), nil} {
		ok, err := s.Validate(ctx, a.ids[:1], [][]byte{p}, nsA)
		require.NoError(t, err)
		require.Equal(t, []bool{false}, ok)
	}

	// Another blob's proof does not prove this one.
	ok, err = s.Validate(ctx, a.ids[:2], [][]byte{proofs[1], proofs[0]}, nsA)
	require.NoError(t, err)
	require.Equal(t, []bool{false, false}, ok)

	// A changed commitment, another height, or another namespace: false.
	badCommitment := flip(a.ids[0], 8+5)
	otherHeight := MakeID(s.Height()+10, a.ids[0][8:])
	ok, err = s.Validate(ctx, [][]byte{badCommitment, otherHeight}, proofs[:2], nsA)
	require.NoError(t, err)
	require.Equal(t, []bool{false, false}, ok)
	ok, err = s.Validate(ctx, a.ids, proofs, nsB)
	require.NoError(t, err)
	require.Equal(t, []bool{false, false, false}, ok)

	// Malformed requests are errors.
	_, err = s.Validate(ctx, a.ids, proofs[:2], nsA)
	require.ErrorIs(t, err, ErrInvalidProofs)
	_, err = s.Validate(ctx, [][]byte{[]byte("short")}, proofs[:1], nsA)
	require.ErrorIs(t, err, ErrMalformedID)
}

func TestDataSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ns := testNamespace(t, 1)
	data := [][]byte{[]byte("persisted"), randomBytes(t, 3000)}

	s1, err := New(Config{DataDir: dir, ListenAddress: "127.0.0.1:0", BlockTime: fastBlockTime}, nil)
	require.NoError(t, err)
	require.NoError(t, s1.Start(ctx))
	ids, err := s1.Submit(ctx, data, 0.002, ns)
	require.NoError(t, err)
	proofs, err := s1.GetProofs(ctx, ids, ns)
	require.NoError(t, err)
	height := binary.LittleEndian.Uint64(ids[0])
	hdr1, err := s1.Header(height)
	require.NoError(t, err)
	require.NoError(t, s1.Stop())
	stoppedAt := s1.Height()

	s2 := startServer(t, dir, fastBlockTime, 0)
	require.GreaterOrEqual(t, s2.Height(), stoppedAt)

	got, err := s2.Get(ctx, ids, ns)
	require.NoError(t, err)
	require.Equal(t, data, got)
	gotIDs, err := s2.GetIDs(ctx, height, ns)
	require.NoError(t, err)
	require.Equal(t, ids, gotIDs)
	ok, err := s2.Validate(ctx, ids, proofs, ns)
	require.NoError(t, err)
	require.Equal(t, []bool{true, true}, ok)
	hdr2, err := s2.Header(height)
	require.NoError(t, err)
	require.Equal(t, hdr1, hdr2)

	// Heights continue after the last persisted one.
	newIDs, err := s2.Submit(ctx, [][]byte{[]byte("after restart")}, 0, ns)
	require.NoError(t, err)
	require.Greater(t, binary.LittleEndian.Uint64(newIDs[0]), stoppedAt)
}
