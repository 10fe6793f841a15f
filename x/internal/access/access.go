// Package access owns the two signer checks every module makes: "is the
// signer the governance authority" and "is the signer the admin of this
// operator, service or denom", and the one registered error for each.
//
// It compares strings and nothing else: it loads no state and decodes no
// address. Callers pass the admin they loaded and both addresses in the same
// (canonical) spelling; a module that accepts any encoding of an address
// canonicalizes it before calling here. It must not import a module.
package access

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
)

// Codespace is the codespace of the errors below. A wrong signer gets the
// same code from every module, so clients need one check, not one per
// module.
const Codespace = "access"

// Registered errors. Codes are never renumbered.
var (
	// ErrNotGovAuthority: a governance-only Msg (MsgUpdateParams and the
	// like) was signed by someone other than the gov module account.
	ErrNotGovAuthority = errorsmod.Register(Codespace, 2, "signer is not the governance authority")
	// ErrNotAdmin: an admin-only Msg was signed by someone other than the
	// admin of the operator, service or denom it names.
	ErrNotAdmin = errorsmod.Register(Codespace, 3, "signer is not the admin")
)

// RequireGov returns ErrNotGovAuthority unless signer is authority.
func RequireGov(authority, signer string) error {
	if signer != authority {
		return errorsmod.Wrapf(ErrNotGovAuthority, "expected %s, got %s", authority, signer)
	}
	return nil
}

// RequireAdmin returns ErrNotAdmin unless signer is admin. An empty admin
// (a renounced denom) matches no signer. what and args name the thing
// administered, for the message: RequireAdmin(op.Admin, signer, "operator %d", id).
func RequireAdmin(admin, signer, what string, args ...any) error {
	if admin == "" || signer != admin {
		return errorsmod.Wrapf(ErrNotAdmin, "%s is not the admin of %s", signer, fmt.Sprintf(what, args...))
	}
	return nil
}
