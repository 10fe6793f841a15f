package mockda

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"testing"
	"time"

	"github.com/celestiaorg/go-square/v2/inclusion"
	"github.com/celestiaorg/go-square/v2/share"
	"github.com/cometbft/cometbft/crypto/merkle"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
)

func TestBlocksAreProducedOnTicker(t *testing.T) {
	s := startServer(t, t.TempDir(), fastBlockTime, 0)
	ctx := context.Background()
	c := client(s)
	ns := testNamespace(t, 1)

	// Empty blocks still advance the height; block 1 exists from the start.
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

		ids, err := c.GetIDs(ctx, h, ns)
		require.NoError(t, err)
		require.Empty(t, ids)
	}

	// Submit returns once the blobs are in a produced block.
	ids, err := c.Submit(ctx, [][]byte{[]byte("hello")}, 0, ns)
	require.NoError(t, err)
	require.Len(t, ids, 1)
	height := binary.LittleEndian.Uint64(ids[0])
	require.Greater(t, height, uint64(3))
	require.LessOrEqual(t, height, s.Height())
	got, err := c.GetIDs(ctx, height, ns)
	require.NoError(t, err)
	require.Equal(t, ids, got)

	// The header API follows the blocks.
	head, err := c.NetworkHead(ctx)
	require.NoError(t, err)
	require.GreaterOrEqual(t, head.Height, height)
	next := s.Height() + 2
	waited, err := c.WaitForHeight(ctx, next)
	require.NoError(t, err)
	require.Equal(t, next, waited.Height)
	byHeight, err := c.HeaderByHeight(ctx, height)
	require.NoError(t, err)
	hdr, err := s.Header(height)
	require.NoError(t, err)
	require.True(t, hdr.Time.Equal(byHeight.Time))
}

func TestNamespacesAreIsolated(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ctx := context.Background()
	c := client(s)
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

	idsA, err := c.GetIDs(ctx, height, nsA)
	require.NoError(t, err)
	require.Equal(t, a.ids, idsA)
	idsB, err := c.GetIDs(ctx, height, nsB)
	require.NoError(t, err)
	require.Equal(t, b.ids, idsB)

	blobs, err := client(s).Get(ctx, idsA, nsA) // a fresh client: blob.Get, not GetAll's data
	require.NoError(t, err)
	require.Equal(t, [][]byte{[]byte("blob for A")}, blobs)

	// An ID of A is unknown in B, and in a namespace nobody used.
	for _, ns := range [][]byte{nsB, testNamespace(t, 3)} {
		_, err = client(s).Get(ctx, idsA, ns)
		require.ErrorIs(t, err, da.ErrBlobNotFound)
		_, err = c.GetProofs(ctx, idsA, ns)
		require.ErrorIs(t, err, da.ErrBlobNotFound)
	}
	ids, err := c.GetIDs(ctx, height, testNamespace(t, 3))
	require.NoError(t, err)
	require.Empty(t, ids)
}

func TestIDsAreHeightAndShareCommitment(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ctx := context.Background()
	c := client(s)
	ns := testNamespace(t, 1)
	// One blob fitting a single share, one spanning many shares.
	data := [][]byte{[]byte("small"), randomBytes(t, 100_000), []byte("small")}

	ids := submitNow(t, s, ns, data...)
	require.Equal(t, uint64(2), s.Height())

	gsNs, err := share.NewNamespaceFromBytes(ns)
	require.NoError(t, err)
	var served []*Blob
	a := call(t, s, request(t, "blob.GetAll", 2, [][]byte{ns}))
	require.Nil(t, a.Error)
	require.NoError(t, json.Unmarshal(a.Result, &served))
	require.Len(t, served, len(data))
	for i, d := range data {
		blob, err := share.NewV0Blob(gsNs, d)
		require.NoError(t, err)
		want, err := inclusion.CreateCommitment(blob, merkle.HashFromByteSlices, 64)
		require.NoError(t, err)

		require.Len(t, ids[i], 8+32)
		require.Equal(t, uint64(2), binary.LittleEndian.Uint64(ids[i][:8]))
		require.Equal(t, want, ids[i][8:], "the client's local commitment")
		require.Equal(t, want, served[i].Commitment, "the mock's commitment")
		require.Equal(t, -1, served[i].Index)
	}
	// Identical blobs share a commitment, hence an ID, and both are listed.
	require.Equal(t, ids[0], ids[2])
	got, err := c.GetIDs(ctx, 2, ns)
	require.NoError(t, err)
	require.Equal(t, ids, got)
	blobs, err := client(s).Get(ctx, ids, ns)
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

	ids, err := client(s).GetIDs(ctx, s.Height(), ns)
	require.NoError(t, err)
	require.Equal(t, append(r1.ids, r2.ids...), ids)
}

func TestProofsProveInclusion(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ctx := context.Background()
	c := client(s)
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

	// The data root is recomputable from IDs alone, and is the header's.
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

	proofs, err := c.GetProofs(ctx, a.ids, nsA)
	require.NoError(t, err)
	require.Len(t, proofs, len(a.ids))
	ok, err := c.Validate(ctx, a.ids, proofs, nsA)
	require.NoError(t, err)
	require.Equal(t, []bool{true, true, true}, ok)

	// Every single altered byte of a proof makes it invalid: it no longer
	// parses (refused by the client or the mock) or no longer verifies.
	for i := range proofs[0] {
		ok, err := c.Validate(ctx, a.ids[:1], [][]byte{flip(proofs[0], i)}, nsA)
		require.NoError(t, err, "flipped byte %d", i)
		require.Equal(t, []bool{false}, ok, "flipped byte %d", i)
	}
	// Truncated, extended or empty proofs are invalid too, and so is a
	// well-formed proof with another leaf index.
	for _, p := range [][]byte{proofs[0][:len(proofs[0])-1], append(proofs[0], 0), nil, []byte(`[{"start":1,"end":2,"nodes":[],"is_max_namespace_ignored":true}]`)} {
		ok, err := c.Validate(ctx, a.ids[:1], [][]byte{p}, nsA)
		require.NoError(t, err)
		require.Equal(t, []bool{false}, ok)
	}

	// Another blob's proof does not prove this one.
	ok, err = c.Validate(ctx, a.ids[:2], [][]byte{proofs[1], proofs[0]}, nsA)
	require.NoError(t, err)
	require.Equal(t, []bool{false, false}, ok)

	// A changed commitment, another height, or another namespace: false.
	badCommitment := flip(a.ids[0], 8+5)
	otherHeight := da.MakeID(1, a.ids[0][8:])
	ok, err = c.Validate(ctx, [][]byte{badCommitment, otherHeight}, proofs[:2], nsA)
	require.NoError(t, err)
	require.Equal(t, []bool{false, false}, ok)
	ok, err = c.Validate(ctx, a.ids, proofs, nsB)
	require.NoError(t, err)
	require.Equal(t, []bool{false, false, false}, ok)

	// A height that does not exist yet is an error, as on celestia-node.
	_, err = c.Validate(ctx, [][]byte{da.MakeID(s.Height()+10, a.ids[0][8:])}, proofs[:1], nsA)
	require.ErrorIs(t, err, da.ErrHeightFromFuture)
	// Malformed requests are errors.
	_, err = c.Validate(ctx, a.ids, proofs[:2], nsA)
	require.ErrorIs(t, err, celestia.ErrInvalidRequest)
	_, err = c.Validate(ctx, [][]byte{[]byte("short")}, proofs[:1], nsA)
	require.ErrorIs(t, err, da.ErrMalformedID)
}

func TestDataSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	ns := testNamespace(t, 1)
	data := [][]byte{[]byte("persisted"), randomBytes(t, 3000)}

	s1, err := New(Config{DataDir: dir, ListenAddress: "127.0.0.1:0", BlockTime: fastBlockTime}, nil)
	require.NoError(t, err)
	require.NoError(t, s1.Start(ctx))
	c1 := client(s1)
	ids, err := c1.Submit(ctx, data, 0.002, ns)
	require.NoError(t, err)
	proofs, err := c1.GetProofs(ctx, ids, ns)
	require.NoError(t, err)
	height := binary.LittleEndian.Uint64(ids[0])
	hdr1, err := s1.Header(height)
	require.NoError(t, err)
	require.NoError(t, s1.Stop())
	stoppedAt := s1.Height()

	s2 := startServer(t, dir, fastBlockTime, 0)
	require.GreaterOrEqual(t, s2.Height(), stoppedAt)
	c2 := client(s2)

	got, err := c2.Get(ctx, ids, ns)
	require.NoError(t, err)
	require.Equal(t, data, got)
	gotIDs, err := c2.GetIDs(ctx, height, ns)
	require.NoError(t, err)
	require.Equal(t, ids, gotIDs)
	ok, err := c2.Validate(ctx, ids, proofs, ns)
	require.NoError(t, err)
	require.Equal(t, []bool{true, true}, ok)
	hdr2, err := s2.Header(height)
	require.NoError(t, err)
	require.Equal(t, hdr1, hdr2)

	// Heights continue after the last persisted one.
	newIDs, err := c2.Submit(ctx, [][]byte{[]byte("after restart")}, 0, ns)
	require.NoError(t, err)
	require.Greater(t, binary.LittleEndian.Uint64(newIDs[0]), stoppedAt)
}
