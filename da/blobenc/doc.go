// Package blobenc is the one place that turns a blob read from the DA back
// into the rollkit block bytes the sequencer produced, and the block bytes
// into the blob the sequencer posts.
//
// Since ADR 003 the sequencer's gateway posts each block in an envelope:
//
//	magic (4 bytes: 00 'M' 'W' 'B') | version (1) | codec (1) | uvarint raw length | payload
//
// Version 1 knows one codec, zstd (1). The first byte 0x00 is never the first
// byte of a protobuf message (field number 0 does not exist), so an
// envelope cannot be mistaken for a legacy blob: a blob without the magic
// is a raw rollkit block as every node posted it before compression, and
// Decode hands it back unchanged. Encode keeps a block raw when the
// envelope would not be smaller, so a posted blob is never larger than the
// block.
//
// Decode is used by the gateway (screening, rollkit's reads), `da inspect`,
// `evidence verify`, `evidence from-report` and the test helpers; its errors
// are the sentinels in errors.go. The decoded size is bounded by
// MaxDecodedSize before and while decompressing, so a decompression bomb
// costs at most that much memory and is rejected like any invalid blob.
package blobenc
