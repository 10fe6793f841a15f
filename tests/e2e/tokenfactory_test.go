package e2e

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestTokenFactoryThroughCLI creates an LRT-style denom, mints, sends,
// force-transfers and burns it with the generated CLI, checks a non-admin
// is refused in its block, and the DA-only full node agrees on every
// balance and on the admin.
func TestTokenFactoryThroughCLI(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob")
	c.startDA()
	c.startSequencer()
	c.startFullNode()
	alice, bob := c.address("alice"), c.address("bob")
	denom := "factory/" + alice + "/milkLRT"

	// Creating a denom costs denom_creation_gas_consume (1,000,000) on top.
	c.mustTx("alice", "tokenfactory", "create-denom", "milkLRT", "--gas", "1500000")
	c.mustTx("alice", "tokenfactory", "mint", "1000"+denom)
	c.mustTx("alice", "bank", "send", "alice", bob, "300"+denom)
	c.mustTx("alice", "tokenfactory", "force-transfer", "100"+denom, bob, alice)
	c.mustTx("alice", "tokenfactory", "burn", "50"+denom)
	code, codespace := c.txResult(c.tx("bob", "tokenfactory", "mint", "1"+denom))
	require.Equal(t, uint32(3), code, "access.ErrNotAdmin: bob is not the admin")
	require.Equal(t, "access", codespace)

	var created struct {
		Denoms []string `json:"denoms"`
	}
	c.query(c.seqRPC, &created, "tokenfactory", "denoms-from-creator", alice)
	require.Equal(t, []string{denom}, created.Denoms)

	last := c.height(c.seqRPC)
	waitFor(t, 60*time.Second, "the full node to catch up", func() bool { return c.height(c.fullRPC) >= last })
	for _, rpc := range []string{c.seqRPC, c.fullRPC} {
		require.Equal(t, "750", c.balance(rpc, alice, denom), "alice on %s", rpc)
		require.Equal(t, "200", c.balance(rpc, bob, denom), "bob on %s", rpc)
		var meta struct {
			AuthorityMetadata struct {
				Admin string `json:"admin"`
			} `json:"authority_metadata"`
		}
		c.query(rpc, &meta, "tokenfactory", "denom-authority-metadata", denom)
		require.Equal(t, alice, meta.AuthorityMetadata.Admin)
	}
}
