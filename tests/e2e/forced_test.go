package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode/fraud"
	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// forcedTx is what `milkywayd da force-include` printed.
type forcedTx struct {
	DAHeight uint64 `json:"da_height"`
	TxHash   string `json:"tx_hash"`
	Deadline uint64 `json:"deadline_da_height"`
}

// forceInclude builds a tx from key with a milkywayd tx command
// (`tx bank send ...`, `evidence from-report ...`), signs it and posts it
// to the forced-inclusion lane only: it never reaches a mempool.
func (c *cluster) forceInclude(key string, command ...string) forcedTx {
	c.t.Helper()
	common := []string{"--chain-id", chainID, "--keyring-backend", "test", "--home", c.home("sequencer"), "--node", "tcp://" + c.seqRPC}
	unsigned := c.cli(append(append(command, "--from", key, "--generate-only", "--fees", "5000umilk", "--gas", "400000"), common...)...)
	dir := c.t.TempDir()
	unsignedFile, signedFile := filepath.Join(dir, "unsigned.json"), filepath.Join(dir, "signed.json")
	require.NoError(c.t, os.WriteFile(unsignedFile, []byte(unsigned[strings.Index(unsigned, "{"):]), 0o600))
	signed := c.cli(append([]string{"tx", "sign", unsignedFile, "--from", key}, common...)...)
	require.NoError(c.t, os.WriteFile(signedFile, []byte(signed), 0o600))
	out := c.cli("da", "force-include", signedFile, "--da-url", "http://"+c.daAddr, "--node", "tcp://"+c.seqRPC)
	var posted forcedTx
	require.NoError(c.t, json.Unmarshal([]byte(out[strings.Index(out, "{"):]), &posted), out)
	require.NotEmpty(c.t, posted.TxHash, out)
	return posted
}

// setLane gives the genesis lane an epoch of epochDA DA blocks.
func (c *cluster) setLane(epochDA int) {
	c.editGenesis(func(appState map[string]json.RawMessage) {
		c.editModuleGenesis(appState, "sequencer", func(gs map[string]any) {
			gs["forced_inclusion"].(map[string]any)["epoch_length"] = strconv.Itoa(epochDA)
		})
	})
}

// daHead is the mock DA's head height.
func (c *cluster) daHead() uint64 {
	c.t.Helper()
	h, err := celestia.New("http://"+c.daAddr, "").NetworkHead(context.Background())
	require.NoError(c.t, err)
	return h.Height
}

// TestForcedInclusionLane: transactions posted only to the DA lane are in
// a sequencer block before their deadline, a failing one with its error
// code; junk in the lane is skipped; the DA-only full node agrees and
// reports nothing.
func TestForcedInclusionLane(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob")
	c.setLane(25) // 5 s epochs at 200 ms DA blocks: room on a busy machine
	c.startDA()
	c.startSequencer()
	c.startFullNode()

	// Junk first: bytes that are no transaction, in the lane namespace.
	lane := sequencertypes.DefaultForcedInclusion().Namespace
	_, err := celestia.New("http://"+c.daAddr, "").Submit(context.Background(), [][]byte{[]byte("not a transaction")}, -1, lane)
	require.NoError(t, err)

	send := c.forceInclude("alice", "tx", "bank", "send", c.address("alice"), c.address("bob"), "1234umilk")
	// bob has 10^12 umilk: this one fails in its block (insufficient funds).
	failing := c.forceInclude("bob", "tx", "bank", "send", c.address("bob"), c.address("alice"), "9999999999999999umilk")
	for _, f := range []forcedTx{send, failing} {
		require.Equal(t, f.Deadline, lanesDeadline(f.DAHeight, 25, 1), "the printed deadline is the ADR's")
	}

	sent := c.waitIncluded(send.TxHash)
	require.Zero(t, sent.Code, sent.RawLog)
	failed := c.waitIncluded(failing.TxHash)
	require.Equal(t, uint32(5), failed.Code, "included with its error code: %s", failed.RawLog)
	for _, tx := range []includedTx{sent, failed} {
		onFull := c.waitIncludedOn(c.fullRPC, tx.Hash)
		require.Equal(t, tx.Height, onFull.Height, "the full node has the forced tx in the same block")
		require.Equal(t, tx.Code, onFull.Code)
	}

	// Past both deadlines, with blocks posted after them read by the full
	// node: no censorship report, and the same state.
	deadline := max(send.Deadline, failing.Deadline)
	waitFor(t, 60*time.Second, "the DA to pass the deadlines", func() bool { return c.daHead() > deadline+3 })
	seqH := c.height(c.seqRPC)
	waitFor(t, 60*time.Second, "the full node to apply blocks posted after the deadlines", func() bool { return c.height(c.fullRPC) >= seqH })
	var reports []fraud.Report
	require.NoError(t, getJSON("http://"+c.fullRPC+fraud.ReportsPath, &reports))
	require.Empty(t, reports)
	c.requireSameAppHash()

	seqLog, err := os.ReadFile(c.seq.log)
	require.NoError(t, err)
	require.Contains(t, string(seqLog), "skipped a blob in the forced-inclusion lane")
	require.Equal(t, 2, strings.Count(string(seqLog), "forced transaction queued"))
	c.requireNoPanic()
}

// lanesDeadline is ADR 004's D(h) for epochs of epoch DA blocks.
func lanesDeadline(h, epoch, grace uint64) uint64 { return (h/epoch+1+grace)*epoch - 1 }

// censoringBinary is milkywayd built with -tags censortest, once.
var censoringBinary = sync.OnceValues(func() (string, error) {
	bin, _, err := nodetest.BuildMilkywayd("milkywayd-censortest", "censortest")
	return bin, err
})

// TestCensorshipIsSlashed: a test-build sequencer ignores bob's forced
// transactions. The DA-only full node reports the censorship after the
// deadline and halts; alice turns the report into evidence and sends it
// through the lane itself; after the veto window the stake restaked to the
// sequencer's operator is slashed, and `evidence verify` confirms it from
// the DA.
func TestCensorshipIsSlashed(t *testing.T) {
	bin, err := censoringBinary()
	require.NoError(t, err)
	t.Cleanup(func() { _ = os.RemoveAll(filepath.Dir(bin)) })
	c := newCluster(t)
	c.seqBinary = bin
	c.initChain("alice", "bob")
	c.setLane(10) // 2 s epochs
	c.editGenesis(func(appState map[string]json.RawMessage) {
		c.editModuleGenesis(appState, "slashing", func(gs map[string]any) {
			// Censorship is subjective: its window may not be below the
			// params' minimum (a day by default).
			gs["params"].(map[string]any)["min_subjective_veto_window"] = "1s"
			rules := gs["configs"].([]any)[0].(map[string]any)["rules"].([]any)
			for _, r := range rules {
				if r.(map[string]any)["kind"] == "FAULT_KIND_CENSORSHIP" {
					r.(map[string]any)["veto_window"] = "5s"
				}
			}
		})
	})
	c.startDA()
	c.startSequencerWithBlockTime("500ms", "--rollup.test_censor_signer", c.address("bob"))
	c.startFullNode()
	c.mustRestakingTx("alice", "restaking", "delegate-operator", "1", "1000000umilk")

	censored := c.forceInclude("bob", "tx", "bank", "send", c.address("bob"), c.address("alice"), "777umilk")
	dir := filepath.Join(c.home("fullnode"), "data", "fraud")
	var report *fraud.Report
	waitFor(t, 90*time.Second, "the full node to report the censorship", func() bool {
		reports, err := fraud.List(dir)
		require.NoError(t, err)
		if len(reports) == 0 {
			return false
		}
		report = reports[0]
		return true
	})
	require.Equal(t, fraud.KindCensorship, report.Kind)
	require.True(t, strings.EqualFold(censored.TxHash, report.Forced.TxHash))
	require.Equal(t, censored.DAHeight, report.Forced.DAHeight)
	require.Equal(t, censored.Deadline, report.Forced.Deadline)
	require.Greater(t, report.DAHeight, report.Forced.Deadline, "the late block was posted after the deadline")
	require.NotEmpty(t, report.Forced.Proof, "with the DA's inclusion proof")
	require.NotEmpty(t, report.Scanned.Blocks, "and the blocks the node read meanwhile")
	require.NoError(t, report.Validate())
	var served []fraud.Report
	require.NoError(t, getJSON("http://"+c.fullRPC+fraud.ReportsPath, &served))
	require.Len(t, served, 1)
	require.NotNil(t, c.rollupStatus(c.fullRPC).FraudHalt)
	require.Equal(t, report.Height, c.rollupStatus(c.fullRPC).FraudHalt.HaltHeight)
	_, notFound := c.tryCLI("query", "tx", censored.TxHash, "--node", "tcp://"+c.seqRPC, "-o", "json")
	require.Error(t, notFound, "the censored tx is in no block")

	// The evidence goes through the lane too: the sequencer cannot hold it back
	// without a second censorship (it censors only bob here, so it includes it).
	reportFile := filepath.Join(dir, report.FileName())
	evidence := c.forceInclude("alice", "evidence", "from-report", reportFile, "0.1", "--da-url", "http://"+c.daAddr)
	sub := c.waitIncluded(evidence.TxHash)
	require.Zero(t, sub.Code, sub.RawLog)
	waitFor(t, 90*time.Second, "the censorship slash to execute", func() bool {
		var res struct {
			Slash slashView `json:"slash"`
		}
		out, err := c.tryCLI("query", "slashing", "slash", "1", "--node", "tcp://"+c.seqRPC, "-o", "json")
		return err == nil && json.Unmarshal([]byte(out), &res) == nil && res.Slash.Status == "SLASH_STATUS_EXECUTED"
	})
	require.Equal(t, "900000umilk", c.delegations(c.seqRPC, c.address("alice"))["DELEGATION_TYPE_OPERATOR/1"])
	out := c.cli("evidence", "verify", "1", "--home", c.home("sequencer"), "--da-url", "http://"+c.daAddr,
		"--node", "tcp://"+c.seqRPC)
	require.Contains(t, out, `"verified": true`)
}
