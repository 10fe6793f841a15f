package blobenc_test

import (
	"bytes"
	"encoding/binary"
	"testing"

	"github.com/klauspost/compress/zstd"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da/blobenc"
)

// blockLike is compressible bytes shaped like a block of similar txs.
var blockLike = bytes.Repeat([]byte("\x0a\x2dcosmos1q8h5ztg2x0fqvm2l3k7t0k3v2yqv0x3n6t4h7 umilk 2500 /cosmos.bank.v1beta1.MsgSend"), 200)

// envelope builds a blob with the envelope header fields given and payload.
func envelope(version, codec byte, size uint64, payload []byte) []byte {
	out := append([]byte{0x00, 'M', 'W', 'B'}, version, codec)
	out = binary.AppendUvarint(out, size)
	return append(out, payload...)
}

func zstdFrame(t testing.TB, b []byte) []byte {
	enc, err := zstd.NewWriter(nil)
	require.NoError(t, err)
	return enc.EncodeAll(b, nil)
}

func TestRoundTrip(t *testing.T) {
	blob := blobenc.Encode(blockLike)
	require.True(t, blobenc.IsEnvelope(blob))
	require.Less(t, len(blob), len(blockLike)/4, "a repetitive block compresses")
	raw, codec, err := blobenc.Decode(blob)
	require.NoError(t, err)
	require.Equal(t, blobenc.CodecZstd, codec)
	require.Equal(t, blockLike, raw)
	require.Equal(t, blob, blobenc.Encode(blockLike), "the same block gives the same blob")
}

func TestIncompressibleBlockStaysRaw(t *testing.T) {
	tiny := []byte("\x0a\x03abc")
	require.Equal(t, tiny, blobenc.Encode(tiny), "an envelope would be larger than the block")
	raw, codec, err := blobenc.Decode(tiny)
	require.NoError(t, err)
	require.Equal(t, blobenc.CodecRaw, codec)
	require.Equal(t, tiny, raw)
}

func TestDecode(t *testing.T) {
	frame := zstdFrame(t, blockLike)
	huge := make([]byte, blobenc.MaxDecodedSize+1)
	tests := []struct {
		name    string
		blob    []byte
		want    []byte
		expErr  error
		expCode blobenc.Codec
	}{
		{name: "legacy raw block", blob: blockLike, want: blockLike, expCode: blobenc.CodecRaw},
		{name: "legacy blob that is not a block passes through", blob: []byte("not a block"), want: []byte("not a block"), expCode: blobenc.CodecRaw},
		{name: "empty blob is legacy", blob: []byte{}, want: []byte{}, expCode: blobenc.CodecRaw},
		{name: "version 1 zstd", blob: envelope(1, 1, uint64(len(blockLike)), frame), want: blockLike, expCode: blobenc.CodecZstd},
		{name: "magic only", blob: []byte{0x00, 'M', 'W', 'B'}, expErr: blobenc.ErrTruncated},
		{name: "magic and version only", blob: []byte{0x00, 'M', 'W', 'B', 1}, expErr: blobenc.ErrTruncated},
		{name: "no length", blob: []byte{0x00, 'M', 'W', 'B', 1, 1}, expErr: blobenc.ErrTruncated},
		{name: "unknown version", blob: envelope(2, 1, uint64(len(blockLike)), frame), expErr: blobenc.ErrUnknownVersion},
		{name: "version 0", blob: envelope(0, 1, uint64(len(blockLike)), frame), expErr: blobenc.ErrUnknownVersion},
		{name: "unknown codec", blob: envelope(1, 9, uint64(len(blockLike)), frame), expErr: blobenc.ErrUnknownCodec},
		{name: "codec raw is no envelope codec", blob: envelope(1, 0, uint64(len(blockLike)), blockLike), expErr: blobenc.ErrUnknownCodec},
		{name: "truncated payload", blob: envelope(1, 1, uint64(len(blockLike)), frame[:len(frame)/2]), expErr: blobenc.ErrCorrupt},
		{name: "payload is not zstd", blob: envelope(1, 1, uint64(len(blockLike)), blockLike), expErr: blobenc.ErrCorrupt},
		{name: "flipped payload byte", blob: flip(envelope(1, 1, uint64(len(blockLike)), frame), 20), expErr: blobenc.ErrCorrupt},
		{name: "length differs from payload", blob: envelope(1, 1, uint64(len(blockLike))-1, frame), expErr: blobenc.ErrCorrupt},
		{name: "declared size over the limit", blob: envelope(1, 1, blobenc.MaxDecodedSize+1, frame), expErr: blobenc.ErrTooLarge},
		{name: "decompression bomb under a small declared size", blob: envelope(1, 1, 10, zstdFrame(t, huge)), expErr: blobenc.ErrTooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			raw, codec, err := blobenc.Decode(tc.blob)
			if tc.expErr != nil {
				require.ErrorIs(t, err, tc.expErr)
				require.Nil(t, raw)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.expCode, codec)
			require.Equal(t, tc.want, raw)
		})
	}
}

// TestBombIsSmallOnTheWire shows the bomb above is a real threat: a few
// kilobytes on the DA that would decode to 64 MiB, more than any block.
func TestBombIsSmallOnTheWire(t *testing.T) {
	frame := zstdFrame(t, make([]byte, 64<<20))
	require.Less(t, len(frame), 16<<10)
	_, _, err := blobenc.Decode(envelope(1, 1, 1000, frame))
	require.ErrorIs(t, err, blobenc.ErrTooLarge)
}

func flip(b []byte, i int) []byte {
	b[i] ^= 0xff
	return b
}

// FuzzDecode feeds arbitrary blobs to Decode: it must never panic, must
// return legacy blobs unchanged, must never return more than
// MaxDecodedSize bytes, and what Encode writes must decode to the input.
func FuzzDecode(f *testing.F) {
	f.Add(blockLike)
	f.Add(blobenc.Encode(blockLike))
	f.Add(envelope(1, 1, 5, zstdFrame(f, []byte("hello"))))
	f.Add(envelope(2, 1, 5, nil))
	f.Add([]byte{0x00, 'M', 'W', 'B', 1, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, blob []byte) {
		raw, codec, err := blobenc.Decode(blob)
		if err == nil {
			require.LessOrEqual(t, len(raw), max(len(blob), blobenc.MaxDecodedSize))
			if codec == blobenc.CodecRaw {
				require.Equal(t, blob, raw)
			}
		}
		if len(blob) <= blobenc.MaxDecodedSize {
			back, _, err := blobenc.Decode(blobenc.Encode(blob))
			require.NoError(t, err)
			require.Equal(t, blob, back)
		}
	})
}
