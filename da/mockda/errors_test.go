package mockda

import (
	"context"
	"encoding/hex"
	"math"
	"testing"
	"time"

	"github.com/celestiaorg/go-square/v2/share"
	"github.com/stretchr/testify/require"
)

func TestBadRequests(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 1000)
	ctx := context.Background()
	ns := testNamespace(t, 1)
	ids := submitNow(t, s, ns, []byte("known"))

	t.Run("namespace size", func(t *testing.T) {
		for _, bad := range [][]byte{nil, []byte("test"), make([]byte, 30)} {
			_, err := s.Submit(ctx, [][]byte{[]byte("x")}, 0, bad)
			requireBadNamespace(t, err)
			_, err = s.GetIDs(ctx, 1, bad)
			requireBadNamespace(t, err)
			_, err = s.Get(ctx, ids, bad)
			requireBadNamespace(t, err)
			_, err = s.GetProofs(ctx, ids, bad)
			requireBadNamespace(t, err)
			_, err = s.Commit(ctx, [][]byte{[]byte("x")}, bad)
			requireBadNamespace(t, err)
			_, err = s.Validate(ctx, nil, nil, bad)
			requireBadNamespace(t, err)
		}
	})

	t.Run("reserved or unsupported namespace", func(t *testing.T) {
		versionOne := testNamespace(t, 1)
		versionOne[0] = 1
		for _, bad := range [][]byte{share.TxNamespace.Bytes(), share.TailPaddingNamespace.Bytes(), versionOne} {
			_, err := s.Submit(ctx, [][]byte{[]byte("x")}, 0, bad)
			require.ErrorIs(t, err, ErrInvalidNamespace)
		}
	})

	t.Run("oversized blob", func(t *testing.T) {
		size, err := s.MaxBlobSize(ctx)
		require.NoError(t, err)
		require.Equal(t, uint64(1000), size)

		for _, blobs := range [][][]byte{
			{make([]byte, 1001)},                   // one blob over the limit
			{make([]byte, 600), make([]byte, 600)}, // together over the limit
		} {
			_, err := s.Submit(ctx, blobs, 0, ns)
			require.ErrorIs(t, err, ErrBlobSizeOverLimit)
			require.ErrorContains(t, err, "blob: over size limit")
			require.ErrorContains(t, err, "tx too large")
		}
		_, err = s.Commit(ctx, [][]byte{make([]byte, 1001)}, ns)
		require.ErrorIs(t, err, ErrBlobSizeOverLimit)
		require.Zero(t, pendingCount(s))
	})

	t.Run("empty submission", func(t *testing.T) {
		_, err := s.Submit(ctx, nil, 0, ns)
		require.ErrorIs(t, err, ErrNoBlobs)
		_, err = s.Submit(ctx, [][]byte{{}}, 0, ns)
		require.ErrorIs(t, err, ErrEmptyBlob)
	})

	t.Run("unknown or malformed ID", func(t *testing.T) {
		unknown := MakeID(1, make([]byte, 32))
		future := MakeID(99, ids[0][8:])
		for _, id := range [][]byte{unknown, future, []byte("invalid"), append(ids[0], 0)} {
			_, err := s.Get(ctx, [][]byte{ids[0], id}, ns)
			require.ErrorIs(t, err, ErrBlobNotFound)
			require.ErrorContains(t, err, "blob: not found")
			require.ErrorContains(t, err, hex.EncodeToString(id))
			_, err = s.GetProofs(ctx, [][]byte{id}, ns)
			require.ErrorIs(t, err, ErrBlobNotFound)
		}
		_, err := s.Get(ctx, [][]byte{[]byte("invalid")}, ns)
		require.ErrorIs(t, err, ErrMalformedID)
	})

	t.Run("future height", func(t *testing.T) {
		_, err := s.GetIDs(ctx, s.Height()+1, ns)
		require.ErrorIs(t, err, ErrHeightFromFuture)
		require.ErrorContains(t, err, "given height is from the future")
		ids, err := s.GetIDs(ctx, s.Height(), ns)
		require.NoError(t, err)
		require.Len(t, ids, 1)
	})

	t.Run("gas price", func(t *testing.T) {
		for _, bad := range []float64{-2, -0.5, math.Inf(-1), math.NaN()} {
			_, err := s.Submit(ctx, [][]byte{[]byte("x")}, bad, ns)
			require.ErrorIs(t, err, ErrInvalidGasPrice)
		}
		for _, good := range []float64{-1, 0, 0.002} {
			res := make(chan error, 1)
			go func() {
				_, err := s.Submit(ctx, [][]byte{[]byte("x")}, good, ns)
				res <- err
			}()
			produceAfter(t, s, 1)
			require.NoError(t, <-res)
		}
	})
}

func requireBadNamespace(t *testing.T, err error) {
	t.Helper()
	require.ErrorIs(t, err, ErrInvalidNamespace)
	require.ErrorContains(t, err, "expected 29 bytes")
}

func TestSubmitCancelledBeforeInclusion(t *testing.T) {
	s := startServer(t, t.TempDir(), manualBlockTime, 0)
	ns := testNamespace(t, 1)
	ctx, cancel := context.WithCancel(context.Background())
	res := submitAsync(ctx, s, ns, []byte("never included"))
	waitPending(t, s, 1)
	cancel()
	r := <-res
	require.ErrorIs(t, r.err, context.Canceled)
	require.Zero(t, pendingCount(s))

	s.produceBlock(time.Now())
	hdr, err := s.Header(s.Height())
	require.NoError(t, err)
	require.Zero(t, hdr.BlobCount)
}

func TestStopFailsPendingAndLaterCalls(t *testing.T) {
	s, err := New(Config{DataDir: t.TempDir(), ListenAddress: "127.0.0.1:0", BlockTime: manualBlockTime}, nil)
	require.NoError(t, err)
	ctx := context.Background()
	ns := testNamespace(t, 1)

	_, err = s.GetIDs(ctx, 0, ns) // height 0 needs no store
	require.NoError(t, err)
	_, err = s.Get(ctx, nil, ns)
	require.ErrorIs(t, err, ErrNotRunning)

	require.NoError(t, s.Start(ctx))
	res := submitAsync(ctx, s, ns, []byte("pending"))
	waitPending(t, s, 1)
	require.NoError(t, s.Stop())
	require.ErrorIs(t, (<-res).err, ErrNotRunning)
	require.NoError(t, s.Stop()) // idempotent

	_, err = s.Submit(ctx, [][]byte{[]byte("late")}, 0, ns)
	require.ErrorIs(t, err, ErrNotRunning)
	_, err = s.Get(ctx, nil, ns)
	require.ErrorIs(t, err, ErrNotRunning)
}

func TestStartErrors(t *testing.T) {
	_, err := New(Config{}, nil)
	require.ErrorIs(t, err, ErrInvalidConfig)
	_, err = New(Config{Home: t.TempDir(), ListenAddress: "no-port"}, nil)
	require.ErrorIs(t, err, ErrInvalidConfig)

	dir := t.TempDir()
	s := startServer(t, dir, manualBlockTime, 0)

	// Port in use.
	other, err := New(Config{DataDir: t.TempDir(), ListenAddress: s.Addr()}, nil)
	require.NoError(t, err)
	err = other.Start(context.Background())
	require.ErrorContains(t, err, "listen on "+s.Addr())
	require.ErrorContains(t, err, "address already in use")

	// Store locked by the running server.
	other, err = New(Config{DataDir: dir, ListenAddress: "127.0.0.1:0"}, nil)
	require.NoError(t, err)
	require.ErrorContains(t, other.Start(context.Background()), "open mock DA store in "+dir)
}
