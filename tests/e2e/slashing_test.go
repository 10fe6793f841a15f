package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// doubleSignVeto is the service's veto window in this test: long enough to
// see the slash pending, short enough to watch it execute.
const doubleSignVeto = 15 * time.Second

// TestSlashingThroughCLI: a service sets a double-sign rule, an operator
// registers a task key and signs two answers to one task, a watcher submits
// them through `milkywayd evidence double-sign`; the slash is pending and
// visible (with its what-if losses), executes when the window closes,
// jails the operator, and `milkywayd evidence verify` confirms it from the
// DA. The full node agrees on all of it.
func TestSlashingThroughCLI(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice", "bob", "carol", "watcher")
	// Rules apply at once here (the default waits 72h, the devnet 60s).
	c.editGenesis(func(appState map[string]json.RawMessage) {
		c.editModuleGenesis(appState, "slashing", func(gs map[string]any) {
			gs["params"].(map[string]any)["rules_activation_delay"] = "0s"
		})
	})
	c.startDA()
	c.startSequencer()
	c.startFullNode()

	// The genesis sequencing service exists, with the sequencer as operator.
	var seq struct {
		Sequencing struct {
			ServiceID  uint32 `json:"service_id"`
			OperatorID uint32 `json:"operator_id"`
		} `json:"sequencing"`
	}
	c.query(c.seqRPC, &seq, "slashing", "sequencing")
	require.Equal(t, [2]uint32{1, 1}, [2]uint32{seq.Sequencing.ServiceID, seq.Sequencing.OperatorID})

	// A service (alice), an operator (bob) that joined it, carol's stake.
	c.mustRestakingTx("alice", "services", "create-service", "Oracle")
	c.mustRestakingTx("alice", "services", "activate-service", svcID)
	c.mustRestakingTx("bob", "operators", "register", "Bob Ops", "0.05", "0.20", "0.01")
	c.mustRestakingTx("bob", "restaking", "join-service", opID, svcID)
	c.mustRestakingTx("carol", "restaking", "delegate-operator", opID, "1000000umilk")

	// alice (the service admin) is also the resolver who may veto.
	rules := `[{"kind":"FAULT_KIND_DOUBLE_SIGN","max_fraction":"0.1","jail_duration":"3600s","veto_window":"` +
		doubleSignVeto.String() + `","resolver":"` + c.address("alice") + `"}]`
	c.mustRestakingTx("alice", "slashing", "set-rules", svcID, rules)
	key := filepath.Join(c.root, "task-key.json")
	pubKey := strings.TrimSpace(c.cli("evidence", "task-key", key))
	c.mustRestakingTx("bob", "slashing", "register-key", opID, svcID, pubKey)

	// Two answers to task 7, and two to task 8 (that one gets vetoed).
	sign := func(task, payload string) string {
		out := c.cli("evidence", "sign-task", key, svcID, opID, task, "3", payload, "--chain-id", chainID)
		file := filepath.Join(c.root, "task"+task+"-"+payload+".json")
		require.NoError(t, os.WriteFile(file, []byte(out), 0o600))
		return file
	}
	tasks := []string{sign("7", "price=5.00"), sign("7", "price=9.99")}
	vetoedTasks := []string{sign("8", "price=5.00"), sign("8", "price=7.77")}
	// Above the rule's maximum: refused in its block (code 17).
	tooMuch := c.waitIncluded(c.evidenceTx("watcher", "double-sign", tasks[0], tasks[1], "0.2"))
	require.Equal(t, uint32(17), tooMuch.Code, "fraction above the rule: %s", tooMuch.RawLog)
	submitted := c.waitIncluded(c.evidenceTx("watcher", "double-sign", tasks[0], tasks[1], "0.1"))
	require.Zero(t, submitted.Code, submitted.RawLog)
	// The resolver vetoes the second one inside its window; bob (not the
	// resolver) cannot.
	second := c.waitIncluded(c.evidenceTx("watcher", "double-sign", vetoedTasks[0], vetoedTasks[1], "0.1"))
	require.Zero(t, second.Code, second.RawLog)
	notResolver := c.waitIncluded(c.tx("bob", "slashing", "veto", "2", "--reason", "mine"))
	require.Equal(t, uint32(6), notResolver.Code, "only the resolver vetoes: %s", notResolver.RawLog)
	c.mustRestakingTx("alice", "slashing", "veto", "2", "--reason", "task 8 was re-issued")

	// Pending and visible, with what it would take.
	var pending struct {
		Slashes []slashView `json:"slashes"`
	}
	c.query(c.seqRPC, &pending, "slashing", "pending")
	require.Len(t, pending.Slashes, 1)
	require.Equal(t, "SLASH_STATUS_PENDING", pending.Slashes[0].Status)
	var whatIf struct {
		Delegators []struct {
			Delegator string `json:"delegator"`
			Loss      []coin `json:"loss"`
		} `json:"delegators"`
	}
	c.query(c.seqRPC, &whatIf, "slashing", "what-if", svcID, opID, "0.1")
	require.Len(t, whatIf.Delegators, 1)
	require.Equal(t, c.address("carol"), whatIf.Delegators[0].Delegator)
	require.Equal(t, []coin{{"umilk", "100000"}}, whatIf.Delegators[0].Loss)

	// Executes once the window has passed, on both nodes.
	for _, rpc := range []string{c.seqRPC, c.fullRPC} {
		waitFor(t, 60*time.Second, "slash 1 executed on "+rpc, func() bool {
			var res struct {
				Slash slashView `json:"slash"`
			}
			out, err := c.tryCLI("query", "slashing", "slash", "1", "--node", "tcp://"+rpc, "-o", "json")
			return err == nil && json.Unmarshal([]byte(out), &res) == nil && res.Slash.Status == "SLASH_STATUS_EXECUTED"
		})
	}
	var slash struct {
		Slash slashView `json:"slash"`
	}
	c.query(c.seqRPC, &slash, "slashing", "slash", "2")
	require.Equal(t, "SLASH_STATUS_VETOED", slash.Slash.Status)
	require.Empty(t, slash.Slash.Slashed)
	c.query(c.seqRPC, &slash, "slashing", "slash", "1")
	require.Equal(t, []coin{{"umilk", "100000"}}, slash.Slash.Slashed)
	require.Equal(t, c.address("watcher"), slash.Slash.Submitter)
	require.Equal(t, map[string]string{"DELEGATION_TYPE_OPERATOR/" + opID: "900000umilk"}, c.delegationsOnBothNodes(c.address("carol")))
	var jails struct {
		Jails []struct {
			OperatorID uint32 `json:"operator_id"`
		} `json:"jails"`
	}
	c.query(c.seqRPC, &jails, "slashing", "jails")
	require.Len(t, jails.Jails, 1)
	jailed := c.waitIncluded(c.tx("carol", "restaking", "delegate-operator", opID, "1000umilk"))
	require.Equal(t, "slashing", jailed.Codespace, "a jailed operator takes no delegations: %s", jailed.RawLog)

	// Anyone re-verifies the evidence from the DA.
	out := c.cli("evidence", "verify", "1", "--home", c.home("fullnode"), "--da-url", "http://"+c.daAddr,
		"--node", "tcp://"+c.fullRPC)
	var verdict struct {
		Verified     bool   `json:"verified"`
		Kind         string `json:"kind"`
		RollupHeight uint64 `json:"submitted_in_rollup_height"`
		Checks       []struct {
			Check string `json:"check"`
			OK    bool   `json:"ok"`
		} `json:"checks"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &verdict), out)
	require.True(t, verdict.Verified, out)
	require.Equal(t, "FAULT_KIND_DOUBLE_SIGN", verdict.Kind)
	require.EqualValues(t, submitted.Height, verdict.RollupHeight)
	require.GreaterOrEqual(t, len(verdict.Checks), 5, out)
	c.requireSameAppHash()
}

type coin struct {
	Denom  string `json:"denom"`
	Amount string `json:"amount"`
}

// slashView is the part of a Slash the test reads.
type slashView struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	Submitter string `json:"submitter"`
	Slashed   []coin `json:"slashed"`
}

// evidenceTx runs a `milkywayd evidence` tx command from key and returns
// the tx hash (CheckTx must accept it).
func (c *cluster) evidenceTx(key string, args ...string) string {
	c.t.Helper()
	return c.broadcast(key, append([]string{"evidence"}, args...)...)
}
