package da

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"github.com/celestiaorg/go-square/v2/share"
)

// NamespaceHexLen is the length of the full hex form of a Celestia namespace
// (1 version byte + 28 id bytes = 29 bytes = 58 hex characters), i.e. the
// form rollkit expects in --rollkit.da_namespace.
const NamespaceHexLen = 2 * share.NamespaceSize

// NamespaceIDHexMaxLen is the maximum length of the short hex form: the
// user-chosen part of a version 0 namespace id (10 bytes = 20 hex characters).
const NamespaceIDHexMaxLen = 2 * share.NamespaceVersionZeroIDSize

// ErrInvalidNamespace is returned (wrapped) for every namespace that cannot
// be used for blobs: wrong size, bad hex, unsupported version or reserved.
var ErrInvalidNamespace = errors.New("invalid namespace")

// ParseNamespace parses a namespace given in hex (an optional 0x prefix is
// accepted). Two forms are understood:
//
//   - the full 58 hex characters (29 bytes) form used by rollkit's
//     --rollkit.da_namespace flag, which must be a version 0 namespace;
//   - a short form of up to 20 hex characters (10 bytes), the user-chosen
//     id of a version 0 namespace, left-padded as go-square's NewV0Namespace does.
//
// Namespaces reserved by Celestia for protocol data are rejected because
// blobs cannot be posted to them on a real network.
func ParseNamespace(hexStr string) (share.Namespace, error) {
	s := strings.TrimPrefix(strings.TrimSpace(hexStr), "0x")
	expected := fmt.Sprintf(
		"namespace must be %d hex characters (%d bytes, version 0) or up to %d hex characters for a v0 id",
		NamespaceHexLen, share.NamespaceSize, NamespaceIDHexMaxLen,
	)
	if s == "" || (len(s) != NamespaceHexLen && len(s) > NamespaceIDHexMaxLen) {
		return share.Namespace{}, fmt.Errorf("%w: %s; got %q (%d characters)", ErrInvalidNamespace, expected, hexStr, len(s))
	}
	raw, err := hex.DecodeString(s)
	if err != nil {
		return share.Namespace{}, fmt.Errorf("%w: %s; got %q: %w", ErrInvalidNamespace, expected, hexStr, err)
	}
	if len(s) == NamespaceHexLen {
		return NamespaceFromBytes(raw)
	}
	ns, err := share.NewV0Namespace(raw)
	if err != nil {
		return share.Namespace{}, fmt.Errorf("%w: %w", ErrInvalidNamespace, err)
	}
	return checkUsable(ns)
}

// NamespaceFromBytes validates a raw 29-byte namespace (as carried in go-da
// requests) and returns it as a go-square namespace. The input is copied, so
// the caller may reuse its buffer.
func NamespaceFromBytes(b []byte) (share.Namespace, error) {
	if len(b) != share.NamespaceSize {
		return share.Namespace{}, fmt.Errorf("%w: expected %d bytes (version 0 Celestia namespace), got %d bytes",
			ErrInvalidNamespace, share.NamespaceSize, len(b))
	}
	if b[0] != share.NamespaceVersionZero {
		return share.Namespace{}, fmt.Errorf("%w: namespace %x has version %d, only version %d is supported for blobs",
			ErrInvalidNamespace, b, b[0], share.NamespaceVersionZero)
	}
	ns, err := share.NewNamespaceFromBytes(append([]byte(nil), b...))
	if err != nil {
		return share.Namespace{}, fmt.Errorf("%w: %w", ErrInvalidNamespace, err)
	}
	return checkUsable(ns)
}

// NamespaceHex returns the full 58-character hex form of ns, suitable for
// --rollkit.da_namespace.
func NamespaceHex(ns share.Namespace) string {
	return hex.EncodeToString(ns.Bytes())
}

// checkUsable rejects namespaces Celestia reserves for its own data (txs,
// PFBs, padding, parity), which would never accept a rollup's blobs.
func checkUsable(ns share.Namespace) (share.Namespace, error) {
	if ns.IsReserved() {
		return share.Namespace{}, fmt.Errorf("%w: namespace %s is reserved by Celestia for protocol data", ErrInvalidNamespace, ns)
	}
	if err := ns.ValidateForBlob(); err != nil {
		return share.Namespace{}, fmt.Errorf("%w: %w", ErrInvalidNamespace, err)
	}
	return ns, nil
}
