package blobenc

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/klauspost/compress/zstd"
)

// MaxDecodedSize bounds the decoded size of an envelope. It is
// celestia.MaxBlobSize (7 MiB): rollkit v0.13.6 sizes its blocks to the
// DA's MaxBlobSize, so no genuine block is larger (a test keeps the two
// equal).
const MaxDecodedSize = 7 << 20

// Version is the envelope version Encode writes.
const Version byte = 1

// Codec identifies how an envelope's payload is compressed.
type Codec byte

// Codecs of envelope version 1. Ids are never reused.
const (
	// CodecRaw is not an envelope codec: Decode reports it for a legacy
	// blob (no magic), which is the block itself.
	CodecRaw Codec = 0
	// CodecZstd is a single zstd frame (RFC 8878).
	CodecZstd Codec = 1
)

func (c Codec) String() string {
	switch c {
	case CodecRaw:
		return "raw"
	case CodecZstd:
		return "zstd"
	default:
		return fmt.Sprintf("codec(%d)", byte(c))
	}
}

// magic starts every envelope. 0x00 cannot start a protobuf message, so no
// legacy block blob has it.
var magic = []byte{0x00, 'M', 'W', 'B'}

// headerFixed is magic, version and codec.
const headerFixed = 6

// The encoder and decoder are safe for concurrent EncodeAll/DecodeAll and
// are built once: building them allocates their tables.
var (
	encoder = mustEncoder()
	decoder = mustDecoder()
)

func mustEncoder() *zstd.Encoder {
	// Level "better" (zstd level ~7) and no concurrency: EncodeAll then
	// gives the same bytes for the same input with this library version.
	// Nothing relies on that (see ADR 003), but it keeps posted blobs
	// reproducible in tests.
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBetterCompression),
		zstd.WithEncoderConcurrency(1), zstd.WithEncoderCRC(true))
	if err != nil {
		panic(err)
	}
	return enc
}

func mustDecoder() *zstd.Decoder {
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1),
		zstd.WithDecoderMaxMemory(MaxDecodedSize), zstd.WithDecoderMaxWindow(MaxDecodedSize))
	if err != nil {
		panic(err)
	}
	return dec
}

// IsEnvelope reports whether blob starts with the envelope magic.
func IsEnvelope(blob []byte) bool { return bytes.HasPrefix(blob, magic) }

// Encode returns the blob to post for the rollkit block bytes raw: a
// version-1 zstd envelope, or raw itself when the envelope would not be
// smaller (tiny blocks), which every reader takes as a legacy blob. Bytes
// that start with the magic are always enveloped, so Decode(Encode(b)) is b
// for any b up to MaxDecodedSize; rollkit blocks never start with it.
func Encode(raw []byte) []byte {
	out := make([]byte, 0, headerFixed+binary.MaxVarintLen64+len(raw)/2)
	out = append(out, magic...)
	out = append(out, Version, byte(CodecZstd))
	out = binary.AppendUvarint(out, uint64(len(raw)))
	out = encoder.EncodeAll(raw, out)
	if len(out) >= len(raw) && !IsEnvelope(raw) {
		return raw
	}
	return out
}

// Decode returns the rollkit block bytes in a blob read from the DA and the
// codec it was posted with. A blob without the magic is a legacy raw block
// and comes back as is (CodecRaw). Errors wrap the sentinels of this
// package.
func Decode(blob []byte) ([]byte, Codec, error) {
	if !IsEnvelope(blob) {
		return blob, CodecRaw, nil
	}
	if len(blob) < headerFixed {
		return nil, 0, fmt.Errorf("%w: %d bytes", ErrTruncated, len(blob))
	}
	version, codec := blob[len(magic)], Codec(blob[len(magic)+1])
	if version != Version {
		return nil, 0, fmt.Errorf("%w: %d (this node reads %d)", ErrUnknownVersion, version, Version)
	}
	if codec != CodecZstd {
		return nil, 0, fmt.Errorf("%w: %s in version %d", ErrUnknownCodec, codec, version)
	}
	size, n := binary.Uvarint(blob[headerFixed:])
	if n <= 0 {
		return nil, 0, fmt.Errorf("%w: no decoded length", ErrTruncated)
	}
	if size > MaxDecodedSize {
		return nil, 0, fmt.Errorf("%w: declares %d bytes, limit %d", ErrTooLarge, size, MaxDecodedSize)
	}
	raw, err := decoder.DecodeAll(blob[headerFixed+n:], make([]byte, 0, size))
	switch {
	case errors.Is(err, zstd.ErrDecoderSizeExceeded) || errors.Is(err, zstd.ErrWindowSizeExceeded):
		return nil, 0, fmt.Errorf("%w: %v", ErrTooLarge, err)
	case err != nil:
		return nil, 0, fmt.Errorf("%w: %v", ErrCorrupt, err)
	case uint64(len(raw)) != size:
		return nil, 0, fmt.Errorf("%w: %d bytes decoded, header declares %d", ErrCorrupt, len(raw), size)
	}
	return raw, codec, nil
}
