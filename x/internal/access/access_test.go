package access_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
)

func TestRequireGov(t *testing.T) {
	require.NoError(t, access.RequireGov("gov", "gov"))
	require.ErrorIs(t, access.RequireGov("gov", "alice"), access.ErrNotGovAuthority)
}

func TestRequireAdmin(t *testing.T) {
	require.NoError(t, access.RequireAdmin("alice", "alice", "operator %d", 1))
	err := access.RequireAdmin("alice", "bob", "operator %d", 1)
	require.ErrorIs(t, err, access.ErrNotAdmin)
	require.ErrorContains(t, err, "bob is not the admin of operator 1")
	require.ErrorIs(t, access.RequireAdmin("", "", "denom %s", "factory/x/y"), access.ErrNotAdmin,
		"a renounced denom has no admin, not an empty one")
}

func TestCodesAreStable(t *testing.T) {
	// Clients match on (codespace, code); these must never change.
	require.Equal(t, uint32(2), access.ErrNotGovAuthority.ABCICode())
	require.Equal(t, uint32(3), access.ErrNotAdmin.ABCICode())
	require.Equal(t, "access", access.ErrNotGovAuthority.Codespace())
}
