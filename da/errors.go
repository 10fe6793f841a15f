package da

import "errors"

// Errors shared by the Celestia client (da/celestia) and the mock DA
// (da/mockda). Both return them wrapped with details, so test them with
// errors.Is. Their texts are also what crosses the wire: the mock writes
// them into JSON-RPC errors and the client recognises celestia-node's
// equivalents, so the substrings rollkit v0.13.6 matches on (its da/da.go)
// keep their meaning.
var (
	// ErrBlobNotFound: no blob with that commitment at that height in that
	// namespace. The text is celestia-node's and rollkit's.
	ErrBlobNotFound = errors.New("blob: not found")

	// ErrHeightFromFuture: the DA height asked for is above the DA's tip.
	// Rollkit's retrieve loop retries the same height on any error but
	// moves on after an empty answer, so this must never become "no blobs".
	// The text is the core of celestia-node's header error.
	ErrHeightFromFuture = errors.New("given height is from the future")

	// ErrBlobTooLarge: a blob, or the blobs of one submission together, do
	// not fit one Celestia transaction. The text contains "tx too large",
	// which rollkit maps to StatusTooBig: it then retries with a quarter of
	// the batch instead of failing.
	ErrBlobTooLarge = errors.New("blob: over size limit (tx too large)")

	// ErrMalformedID: an ID that is not 8+32 bytes long.
	ErrMalformedID = errors.New("malformed ID")
)
