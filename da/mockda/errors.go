package mockda

import (
	"errors"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// The sentinel errors below are always returned wrapped with details
// (fmt.Errorf("%w: ...")), so test them with errors.Is in process. Over
// JSON-RPC only the message survives; the messages were chosen so that the
// substrings rollkit v0.13.6 matches on (da/da.go) keep their meaning.
var (
	// ErrInvalidNamespace is returned when a request carries a namespace that
	// is not a 29-byte, version 0, non-reserved Celestia namespace.
	ErrInvalidNamespace = da.ErrInvalidNamespace

	// ErrBlobNotFound is returned by Get and GetProofs for an ID that is
	// unknown, malformed or belongs to another namespace. The text matches
	// celestia-node's and rollkit's ErrBlobNotFound.
	ErrBlobNotFound = errors.New("blob: not found")

	// ErrBlobSizeOverLimit is returned by Submit and Commit when a blob, or
	// the blobs of one submission together, exceed MaxBlobSize. Its message
	// also contains "tx too large", which rollkit maps to StatusTooBig so
	// that it retries with smaller batches instead of failing.
	ErrBlobSizeOverLimit = errors.New("blob: over size limit (tx too large)")

	// ErrEmptyBlob is returned for a zero-length blob, which Celestia refuses.
	ErrEmptyBlob = errors.New("blob: empty")

	// ErrNoBlobs is returned by Submit when called without any blob.
	ErrNoBlobs = errors.New("no blobs to submit")

	// ErrMalformedID is returned (wrapped, in Get together with
	// ErrBlobNotFound) for an ID that is not 8+32 bytes long.
	ErrMalformedID = errors.New("malformed ID")

	// ErrHeightFromFuture is returned by GetIDs for a height above the
	// latest produced DA block. Rollkit's retrieve loop retries on errors
	// but moves on after an empty result, so answering "empty" here would
	// make it skip heights. The text matches celestia-node's header error.
	ErrHeightFromFuture = errors.New("given height is from the future")

	// ErrInvalidGasPrice is returned by Submit for a negative gas price
	// other than -1 (rollkit's "let the DA node choose").
	ErrInvalidGasPrice = errors.New("invalid gas price")

	// ErrInvalidProofs is returned by Validate when the ids and proofs
	// slices do not pair up.
	ErrInvalidProofs = errors.New("invalid proofs")

	// ErrNotRunning is returned when the server has not been started, has
	// been stopped, or its block producer has exited.
	ErrNotRunning = errors.New("mock DA server is not running")

	// ErrInvalidConfig is returned by New/Start for unusable settings.
	ErrInvalidConfig = errors.New("invalid mock DA config")
)
