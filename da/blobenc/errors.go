package blobenc

import "errors"

// Errors of Decode, each wrapped with details; test them with errors.Is.
// Every one means the blob carries the envelope magic but is not a block
// this node can read, so readers drop it like any other invalid blob.
var (
	// ErrUnknownVersion: an envelope version this node does not know
	// (written by a newer node, or junk after the magic).
	ErrUnknownVersion = errors.New("blob envelope: unknown version")

	// ErrUnknownCodec: a codec id that the envelope version does not define.
	ErrUnknownCodec = errors.New("blob envelope: unknown codec")

	// ErrTruncated: the blob ends inside the envelope header.
	ErrTruncated = errors.New("blob envelope: truncated header")

	// ErrCorrupt: the payload does not decompress, or decompresses to
	// another length than the header declares.
	ErrCorrupt = errors.New("blob envelope: corrupt payload")

	// ErrTooLarge: the declared or actual decompressed size is above
	// MaxDecodedSize (a block rollkit could not have produced, or a
	// decompression bomb).
	ErrTooLarge = errors.New("blob envelope: decoded size over the limit")
)
