package mockda

import (
	"errors"

	"github.com/milkyway-labs/milkyway-rollup/da"
)

// The sentinel errors below are returned wrapped with details
// (fmt.Errorf("%w: ...")), so test them with errors.Is in process. Over
// JSON-RPC only the message survives, as JSON-RPC error code 1 (HTTP 200);
// the messages for the cases recorded from celestia-node v0.32.1 (blob not
// found, height from the future) are celestia-node's, so that da/celestia's
// client maps them to the same errors for both.
var (
	// ErrInvalidNamespace: a namespace that is not a 29-byte, version 0,
	// non-reserved Celestia namespace. In params it is refused while
	// decoding (JSON-RPC -32700), as by celestia-node.
	ErrInvalidNamespace = da.ErrInvalidNamespace

	// ErrBlobNotFound: no blob with that commitment at that height in that
	// namespace. The message is exactly celestia-node's "blob: not found".
	ErrBlobNotFound = da.ErrBlobNotFound

	// ErrBlobSizeOverLimit: the blobs of one blob.Submit together exceed
	// Config.MaxBlobSize. Its message contains "tx too large", as rollkit
	// and the client expect (celestia-node says "code: 21").
	ErrBlobSizeOverLimit = da.ErrBlobTooLarge

	// ErrHeightFromFuture: a height above the latest produced DA block; the
	// message is celestia-node's ("header: given height is from the future:
	// networkHeight: N, requestedHeight: M").
	ErrHeightFromFuture = da.ErrHeightFromFuture

	// ErrNullOptions: blob.Submit with null options. celestia-node v0.32.1
	// panics on them (HTTP 500); the mock refuses them with the fix.
	ErrNullOptions = errors.New("blob.Submit options are null; send {} for the node's defaults (celestia-node v0.32.1 crashes on null)")

	// ErrEmptyBlob is returned for a zero-length blob, which Celestia refuses.
	ErrEmptyBlob = errors.New("blob: empty")

	// ErrNoBlobs is returned by blob.Submit when called without any blob.
	ErrNoBlobs = errors.New("no blobs to submit")

	// ErrUnsupportedShareVersion: a share version other than 0 (version 1
	// blobs carry a signer, which the mock does not emulate).
	ErrUnsupportedShareVersion = errors.New("unsupported share version")

	// ErrInvalidGasPrice is returned by blob.Submit for a gas price that is
	// set but negative or not a number.
	ErrInvalidGasPrice = errors.New("invalid gas price")

	// ErrInvalidHeight: height 0, which no DA block has (heights start at 1).
	ErrInvalidHeight = errors.New("invalid height: DA heights start at 1")

	// ErrNotRunning is returned when the server has not been started, has
	// been stopped, or its block producer has exited.
	ErrNotRunning = errors.New("mock DA server is not running")

	// ErrInvalidConfig is returned by New/Start for unusable settings.
	ErrInvalidConfig = errors.New("invalid mock DA config")
)
