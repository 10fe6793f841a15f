package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/privval"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
)

// TestFraudEquivocationHaltsFullNode posts on the DA a second block for a
// height the chain already has, signed with the real sequencer key. The
// full node reports the equivocation with both signed headers, serves the
// report, and stops applying blocks while the sequencer goes on.
func TestFraudEquivocationHaltsFullNode(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice")
	// A short veto window for the sequencing service's equivocation rule,
	// so the test sees the slash execute.
	c.editGenesis(func(appState map[string]json.RawMessage) {
		c.editModuleGenesis(appState, "slashing", func(gs map[string]any) {
			rules := gs["configs"].([]any)[0].(map[string]any)["rules"].([]any)
			rules[0].(map[string]any)["veto_window"] = "3s"
		})
	})
	c.startDA()
	c.startSequencer()
	c.startFullNode()
	// alice restakes to the sequencer's operator (id 1 of the sequencing service).
	c.mustRestakingTx("alice", "restaking", "delegate-operator", "1", "1000000umilk")
	waitFor(t, 60*time.Second, "full node to sync a few blocks", func() bool { return c.height(c.fullRPC) >= 3 })

	seqKey := privval.LoadFilePVEmptyState(
		filepath.Join(c.home("sequencer"), "config", "priv_validator_key.json"), "").Key
	height := uint64(c.height(c.fullRPC) - 1)
	conflicting := gatewaytest.Block(gatewaytest.BlockSpec{
		ChainID: chainID, Height: height, Key: seqKey.PrivKey, Txs: [][]byte{[]byte("a different block")},
	})
	ctx := context.Background()
	client := celestia.New("http://"+c.daAddr, "") // what nodes use
	ns, err := da.ParseNamespace(chainNamespace)
	require.NoError(t, err)
	ids, err := client.Submit(ctx, [][]byte{gatewaytest.Blob(conflicting)}, -1, ns.Bytes())
	require.NoError(t, err)
	daHeight, _, err := da.SplitID(ids[0])
	require.NoError(t, err)

	// The report: in the full node's data dir, with both signed headers.
	dir := filepath.Join(c.home("fullnode"), "data", "fraud")
	var report *fraud.Report
	waitFor(t, 30*time.Second, "the full node to write a fraud report", func() bool {
		reports, err := fraud.List(dir)
		require.NoError(t, err)
		if len(reports) == 0 {
			return false
		}
		require.Len(t, reports, 1)
		report = reports[0]
		return true
	})
	require.Equal(t, fraud.KindEquivocation, report.Kind)
	require.Equal(t, height, report.Height)
	require.Equal(t, daHeight, report.DAHeight)
	require.FileExists(t, filepath.Join(dir, fmt.Sprintf("equivocation-%d-%d.json", daHeight, height)))
	require.Equal(t, chainID, report.ChainID)
	require.Equal(t, seqKey.Address.String(), report.SequencerAddress)
	require.True(t, strings.HasSuffix(report.Namespace, chainNamespace), report.Namespace)
	require.Len(t, report.Headers, 2)
	genuineHash, err := c.blockHash(c.seqRPC, int64(height))
	require.NoError(t, err)
	for i, want := range []string{genuineHash, conflicting.Hash().String()} {
		sh, err := report.Headers[i].Decode()
		require.NoError(t, err)
		require.NoError(t, sh.ValidateBasic(), "header %d is validly signed", i)
		require.Equal(t, seqKey.Address.Bytes(), []byte(sh.ProposerAddress))
		require.True(t, strings.EqualFold(want, report.Headers[i].Hash), "header %d: %s, want %s", i, report.Headers[i].Hash, want)
		require.Equal(t, height, sh.Height())
	}
	require.Positive(t, report.Headers[0].DAHeight, "the genuine block was read from the DA")
	require.Equal(t, daHeight, report.Headers[1].DAHeight)

	// The RPC route serves it; the sequencer, which reads nothing, has none.
	var served, onSequencer []fraud.Report
	require.NoError(t, getJSON("http://"+c.fullRPC+fraud.ReportsPath, &served))
	require.Equal(t, []fraud.Report{*report}, served)
	require.NoError(t, getJSON("http://"+c.seqRPC+fraud.ReportsPath, &onSequencer))
	require.Empty(t, onSequencer)

	// rollup-status shows the halt.
	var st rollupnode.Status
	require.NoError(t, json.Unmarshal([]byte(c.cli("rollup-status", "--node", "tcp://"+c.fullRPC)), &st))
	require.NotNil(t, st.FraudHalt)
	require.Equal(t, height, st.FraudHalt.HaltHeight)
	require.Nil(t, c.rollupStatus(c.seqRPC).FraudHalt)

	// The full node stops: it keeps reading the DA (it withholds the
	// sequencer's newer blocks) but applies none of them. Waiting until it
	// has withheld blocks produced after the report makes sure every block
	// handed to rollkit before the halt has been applied.
	seqAtReport := uint64(c.height(c.seqRPC))
	withheldAtLeast := func(h uint64) func() bool {
		return func() bool { return c.rollupStatus(c.fullRPC).FraudHalt.HighestWithheldHeight >= h }
	}
	waitFor(t, 30*time.Second, "the full node to withhold newer blocks", withheldAtLeast(seqAtReport+2))
	before := c.rollupStatus(c.fullRPC)
	waitFor(t, 30*time.Second, "the full node to withhold still newer blocks", withheldAtLeast(before.FraudHalt.HighestWithheldHeight+4))
	after := c.rollupStatus(c.fullRPC)
	require.Equal(t, before.LatestHeight, after.LatestHeight, "the full node applied a block after the halt")
	require.Equal(t, int64(after.LatestHeight), c.height(c.fullRPC))
	require.Equal(t, before.DAIncludedHeight, after.DAIncludedHeight)
	require.Greater(t, c.height(c.seqRPC), int64(after.LatestHeight)+4, "the sequencer goes on")

	// Logged loudly, once.
	log, err := os.ReadFile(c.full.log)
	require.NoError(t, err)
	require.Equal(t, 1, strings.Count(string(log), "SEQUENCER FRAUD detected"))

	// The report becomes evidence: the chain verifies both headers against
	// the sequencer key; after the veto window the stake restaked to the
	// sequencer's operator loses the fraction.
	reportFile := filepath.Join(dir, report.FileName())
	sub := c.waitIncluded(c.evidenceTx("alice", "from-report", reportFile, "0.1", "--da-url", "http://"+c.daAddr))
	require.Zero(t, sub.Code, sub.RawLog)
	waitFor(t, 60*time.Second, "the equivocation slash to execute", func() bool {
		var res struct {
			Slash slashView `json:"slash"`
		}
		out, err := c.tryCLI("query", "slashing", "slash", "1", "--node", "tcp://"+c.seqRPC, "-o", "json")
		return err == nil && json.Unmarshal([]byte(out), &res) == nil && res.Slash.Status == "SLASH_STATUS_EXECUTED"
	})
	require.Equal(t, "900000umilk", c.delegations(c.seqRPC, c.address("alice"))["DELEGATION_TYPE_OPERATOR/1"])
	// The same report again is the same fault: refused.
	again := c.waitIncluded(c.evidenceTx("alice", "from-report", reportFile, "0.1", "--da-url", "http://"+c.daAddr))
	require.Equal(t, uint32(15), again.Code, again.RawLog)
	out := c.cli("evidence", "verify", "1", "--home", c.home("sequencer"), "--da-url", "http://"+c.daAddr,
		"--node", "tcp://"+c.seqRPC)
	require.Contains(t, out, `"verified": true`)
}

// rollupStatus reads a node's /sequencer_status.
func (c *cluster) rollupStatus(rpc string) rollupnode.Status {
	c.t.Helper()
	var st rollupnode.Status
	require.NoError(c.t, getJSON("http://"+rpc+rollupnode.StatusPath, &st))
	return st
}
