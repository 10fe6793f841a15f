package e2e

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestServicesThroughCLI registers and activates a service with the CLI on
// the sequencer, sees it on the DA-only full node, and checks that another
// account's activation attempt fails on chain with the registered error.
func TestServicesThroughCLI(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob")
	c.startDA()
	c.startSequencer()
	c.startFullNode()

	c.mustTx("alice", "services", "create-service", "My Oracle", "--description", "price oracle")
	c.mustTx("alice", "services", "activate-service", svcID)

	var res struct {
		Service struct {
			Status string `json:"status"`
			Admin  string `json:"admin"`
		} `json:"service"`
	}
	waitFor(t, 60*time.Second, "the active service on the full node", func() bool {
		out, err := c.tryCLI("query", "services", "service", svcID, "--node", "tcp://"+c.fullRPC, "-o", "json")
		return err == nil && json.Unmarshal([]byte(out), &res) == nil && res.Service.Status == "SERVICE_STATUS_ACTIVE"
	})
	require.Equal(t, c.address("alice"), res.Service.Admin)

	code, codespace := c.txResult(c.tx("bob", "services", "deactivate-service", svcID))
	require.Equal(t, uint32(3), code, "access.ErrNotAdmin")
	require.Equal(t, "access", codespace)
}
