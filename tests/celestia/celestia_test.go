//go:build celestia

package celestiae2e

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/privval"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
)

// TestRollupOnCelestia runs a sequencer and a DA-only full node against the
// local celestia-node bridge: bad DA settings each fail with one line naming
// the fix and lose no block, a bank transfer reaches the full node from
// Celestia alone, forged blobs are rejected, the sequencer survives
// SIGKILL, and `milkywayd da inspect` checks the blobs with Celestia's
// inclusion proofs. It ends with the figures docs/celestia.md quotes.
func TestRollupOnCelestia(t *testing.T) {
	ctx := context.Background()
	admin := celestia.New(network["CELESTIA_RPC"], network["CELESTIA_ADMIN_TOKEN"])
	readToken, adminToken := network["CELESTIA_READ_TOKEN"], network["CELESTIA_ADMIN_TOKEN"]

	// A fresh namespace per run: version 0, 18 zero bytes, a random 10-byte id.
	id := make([]byte, 10)
	_, err := rand.Read(id)
	require.NoError(t, err)
	id[0] = 0x6d // 'm', never all zeros
	nsHex := "00" + strings.Repeat("00", 18) + hex.EncodeToString(id)
	ns, err := da.ParseNamespace(nsHex)
	require.NoError(t, err)

	head, err := admin.NetworkHead(ctx)
	require.NoError(t, err)
	r := newRollup(t, nsHex, head.Height)
	r.initChain("alice", "bob")
	t.Logf("Celestia %s at height %d; namespace %s", head.ChainID, head.Height, nsHex)
	m := &metrics{}

	// --- Bad input at start: one Error: line naming the fix.
	t.Run("start with a wrong auth token", func(t *testing.T) {
		line := requireStartError(t, r.sequencerArgs("not-a-jwt"), "DA node refused the auth token", "--rollkit.da_auth_token")
		m.badInput = append(m.badInput, "wrong auth token (start): "+line)
	})
	t.Run("start with an unreachable node", func(t *testing.T) {
		args := r.sequencerArgs(adminToken)
		args[slices.Index(args, "--rollkit.da_address")+1] = "http://" + freeAddr(t)
		line := requireStartError(t, args, "DA layer unreachable", "--rollkit.da_address")
		m.badInput = append(m.badInput, "unreachable node (start): "+line)
	})

	// --- Unfunded account: blocks stay pending until the account is funded.
	bal, err := admin.Balance(ctx)
	require.NoError(t, err)
	off := r.startSequencer(adminToken)
	if bal.Amount == "0" {
		line := waitLog(t, r.seq, off, "DA submission failed", 90*time.Second)
		require.Contains(t, line, "fund the DA node's account")
		m.badInput = append(m.badInput, "account never funded: "+line)
		requirePending(t, r)
		// 1 utia: the account exists but cannot pay the fee.
		fundBridge(t, "1")
		off = logSize(r.seq.log)
		line = waitLog(t, r.seq, off, "DA submission failed", 90*time.Second)
		require.Contains(t, line, "insufficient funds")
		require.Contains(t, line, "fund the DA node's account")
		m.badInput = append(m.badInput, "account with 1utia: "+line)
		requirePending(t, r)
		before := r.status(r.seqRPC).Latest
		fundBridge(t, "")
		waitFor(t, 120*time.Second, "the blocks made while unfunded to reach Celestia", func() bool {
			return r.status(r.seqRPC).DAIncluded >= before
		})
	} else {
		t.Logf("the bridge's account is funded (%s%s): unfunded case skipped (start the network with CELESTIA_FUND=0)", bal.Amount, bal.Denom)
		waitFor(t, 120*time.Second, "blocks on Celestia", func() bool { return r.status(r.seqRPC).DAIncluded >= 2 })
	}

	// --- A token without write permission, then a gas price below the
	// minimum: each a log line naming the fix, blocks pending, then posted.
	for _, bad := range []struct {
		name  string
		token string
		extra []string
		want  []string
	}{
		{"read-only auth token", readToken, nil, []string{"DA node refused the auth token", "missing permission", "write"}},
		{"gas price too low", adminToken, []string{"--rollkit.da_gas_price", "0.000001"}, []string{"DA fee too low", "--rollkit.da_gas_price"}},
	} {
		t.Run(bad.name, func(t *testing.T) {
			r.kill(r.seq, syscall.SIGTERM)
			off := r.startSequencer(bad.token, bad.extra...)
			line := waitLog(t, r.seq, off, "DA submission failed", 90*time.Second)
			for _, w := range bad.want {
				require.Contains(t, line, w)
			}
			m.badInput = append(m.badInput, bad.name+": "+line)
			requirePending(t, r)
		})
	}
	r.kill(r.seq, syscall.SIGTERM)
	r.startSequencer(adminToken)
	fixedAt := r.status(r.seqRPC).Latest
	waitFor(t, 120*time.Second, "the pending blocks to reach Celestia once fixed", func() bool {
		return r.status(r.seqRPC).DAIncluded >= fixedAt
	})
	r.blockHashes(r.seqRPC, fixedAt) // every height exists: nothing skipped

	// Fee window: steady posting, only the sequencer pays until it ends.
	w1 := r.settled(t, admin)

	// --- A bank transfer, then a fresh full node syncs it from Celestia.
	bob := r.address("bob")
	out := r.cli("tx", "bank", "send", "alice", bob, "12345umilk", "--chain-id", chainID,
		"--keyring-backend", "test", "--home", r.home("sequencer"), "--fees", "1000umilk",
		"--node", "tcp://"+r.seqRPC, "-y", "-o", "json")
	var res struct {
		Code uint32 `json:"code"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &res), out)
	require.Zero(t, res.Code, out)
	waitFor(t, 60*time.Second, "bob's balance on the sequencer", func() bool {
		return r.balance(r.seqRPC, bob, "umilk") == "1000000012345"
	})
	txHeight := r.status(r.seqRPC).Latest
	waitFor(t, 120*time.Second, "the transfer's block on Celestia", func() bool { return r.status(r.seqRPC).DAIncluded >= txHeight })

	n := r.status(r.seqRPC).DAIncluded
	syncStart := time.Now()
	r.startFullNode(readToken)
	waitFor(t, 10*time.Minute, "the fresh full node to sync from Celestia", func() bool { return r.height(r.fullRPC) >= n })
	m.syncBlocks, m.syncTime = n, time.Since(syncStart)
	m.syncDAHeights = mustHead(t, admin) - r.startHeight
	require.Equal(t, "1000000012345", r.balance(r.fullRPC, bob, "umilk"))
	matched := r.requireSameAppHash(3 * time.Minute)
	t.Logf("full node matched the sequencer's app hash at height %d", matched)

	waitFor(t, 3*time.Minute, "30 blocks posted in the fee window", func() bool {
		return r.status(r.seqRPC).DAIncluded >= w1.included+30
	})
	w2 := r.settled(t, admin)
	m.feeUtia, m.feeBlocks = w1.balance-w2.balance, w2.included-w1.included
	m.feePFBs = len(logLines(r.seq, w1.logOffset, "DA submission included")) - len(logLines(r.seq, w2.logOffset, "DA submission included"))

	// --- Forged blobs in the namespace: the full node rejects them.
	seqKey := privval.LoadFilePVEmptyState(filepath.Join(r.home("sequencer"), "config", "priv_validator_key.json"), "").Key
	forger := ed25519.GenPrivKey()
	next := uint64(r.height(r.seqRPC) + 3)
	forgeries := [][]byte{
		gatewaytest.Blob(gatewaytest.Block(gatewaytest.BlockSpec{
			ChainID: chainID, Height: next, Key: forger, Proposer: seqKey.Address, Txs: [][]byte{[]byte("forged")},
		})),
		gatewaytest.Blob(gatewaytest.Block(gatewaytest.BlockSpec{ChainID: chainID, Height: next, Key: seqKey.PrivKey, Signer: forger})),
		[]byte("not a rollkit block"),
	}
	fullOff := int64(0)
	ids, err := admin.Submit(ctx, forgeries, -1, ns.Bytes())
	require.NoError(t, err)
	forgedAt, _, _ := da.SplitID(ids[0])
	t.Logf("posted %d forged blobs at Celestia height %d", len(forgeries), forgedAt)
	waitFor(t, 90*time.Second, "the full node to log the rejections", func() bool {
		return len(logLines(r.full, fullOff, "rejected blob in the chain namespace")) >= len(forgeries)
	})
	waitFor(t, 90*time.Second, "the full node to move past the forged height", func() bool {
		return r.height(r.fullRPC) > int64(next)+1
	})
	r.requireSameAppHash(2 * time.Minute)

	// --- SIGKILL the sequencer twice: blocks kept, chain continues.
	for round := 0; round < 2; round++ {
		before := r.height(r.seqRPC)
		hashes := r.blockHashes(r.seqRPC, before)
		r.kill(r.seq, syscall.SIGKILL)
		r.startSequencer(adminToken)
		waitFor(t, 90*time.Second, "blocks after the restart", func() bool { return r.height(r.seqRPC) >= before+3 })
		require.Equal(t, hashes, r.blockHashes(r.seqRPC, before), "blocks up to %d changed across the SIGKILL", before)
	}
	// --- The bridge goes away at runtime and comes back.
	t.Run("DA node unreachable at runtime", func(t *testing.T) {
		off := logSize(r.seq.log)
		bridge(t, "bridge-stop")
		line := waitLog(t, r.seq, off, "DA submission failed", 90*time.Second)
		require.Contains(t, line, "DA layer unreachable")
		m.badInput = append(m.badInput, "node unreachable at runtime: "+line)
		requirePending(t, r)
		bridge(t, "bridge-start")
		produced := r.height(r.seqRPC)
		waitFor(t, 120*time.Second, "the blocks made during the outage to reach Celestia", func() bool {
			return r.status(r.seqRPC).DAIncluded >= produced
		})
	})
	last := r.height(r.seqRPC)
	waitFor(t, 120*time.Second, "the blocks after the restarts on Celestia", func() bool { return r.status(r.seqRPC).DAIncluded >= last })
	waitFor(t, 120*time.Second, "the full node to follow", func() bool { return r.height(r.fullRPC) >= last })
	require.Equal(t, r.blockHashes(r.seqRPC, last), r.blockHashes(r.fullRPC, last), "full node and sequencer disagree on a block")
	r.requireSameAppHash(2 * time.Minute)

	// --- `milkywayd da inspect` with Celestia's own inclusion proofs.
	tip := mustHead(t, admin)
	out = r.cli("da", "inspect", "--home", r.home("fullnode"), "--da-url", r.daAddr, "--da-auth-token", readToken,
		"--namespace", nsHex, "--from", strconv.FormatUint(r.startHeight, 10), "--to", strconv.FormatUint(tip, 10))
	rejected, genuine := 0, map[int64]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var blob struct {
			InclusionProof  bool   `json:"inclusion_proof_valid"`
			SequencerSigned bool   `json:"sequencer_signed"`
			RollupHeight    int64  `json:"rollup_height"`
			BlockHash       string `json:"block_hash"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &blob), line)
		require.True(t, blob.InclusionProof, line)
		if !blob.SequencerSigned {
			rejected++
			continue
		}
		genuine[blob.RollupHeight] = true
		hash, err := r.blockHash(r.seqRPC, blob.RollupHeight)
		require.NoError(t, err)
		require.True(t, strings.EqualFold(hash, blob.BlockHash), "block %d: Celestia has %s, sequencer %s", blob.RollupHeight, blob.BlockHash, hash)
	}
	require.Equal(t, len(forgeries), rejected)
	for h := int64(1); h <= last; h++ {
		require.True(t, genuine[h], "rollup block %d is not on Celestia", h)
	}
	t.Logf("da inspect: Celestia heights %d..%d, %d sequencer blocks (inclusion proofs valid), %d forgeries rejected", r.startHeight, tip, len(genuine), rejected)

	// --- A second fresh full node, started once all these blocks exist.
	tip = mustHead(t, admin)
	r.initReader("fullnode2")
	rpc2 := freeAddr(t)
	start := time.Now()
	r.startReader("fullnode2", readToken, rpc2, freeAddr(t))
	waitFor(t, 10*time.Minute, "the second full node to sync from Celestia", func() bool { return r.height(rpc2) >= last })
	m.sync2Blocks, m.sync2Time, m.sync2DAHeights = last, time.Since(start), tip-r.startHeight
	require.Equal(t, r.blockHashes(r.seqRPC, last), r.blockHashes(rpc2, last))

	m.report(t, r)
}

// requireStartError runs milkywayd with args and expects it to fail at
// start with exactly one Error: line containing want.
func requireStartError(t *testing.T, args []string, want ...string) string {
	t.Helper()
	_, stderr, err := run(args...)
	require.Error(t, err, "milkywayd must fail")
	require.NotContains(t, stderr, "panic")
	var lines []string
	for _, line := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(line, "Error:") {
			lines = append(lines, line)
		}
	}
	require.Len(t, lines, 1, "want exactly one Error: line, got:\n%s", stderr)
	for _, w := range want {
		require.Contains(t, lines[0], w)
	}
	return lines[0]
}

// window is a point of steady posting: right after a submission landed.
type window struct {
	balance, included, logOffset int64
}

// settled waits for the next submission to land and reads the bridge's
// balance at once: the next one takes ~3 s, so the balance matches the
// included height.
func (r *rollup) settled(t *testing.T, c *celestia.Client) window {
	t.Helper()
	cur := r.status(r.seqRPC).DAIncluded
	waitFor(t, 60*time.Second, "a submission to land", func() bool { return r.status(r.seqRPC).DAIncluded > cur })
	w := window{included: r.status(r.seqRPC).DAIncluded, logOffset: logSize(r.seq.log)}
	w.balance = mustBalance(t, c)
	return w
}

// bridge runs network.sh with a subcommand (bridge-stop, bridge-start).
func bridge(t *testing.T, sub string) {
	t.Helper()
	out, err := exec.Command("bash", network["CELESTIA_NETWORK_SCRIPT"], sub).CombinedOutput()
	require.NoError(t, err, string(out))
}

// fundBridge sends utia (network.sh's default amount if empty) from the
// validator to the bridge's account.
func fundBridge(t *testing.T, utia string) {
	t.Helper()
	args := []string{network["CELESTIA_NETWORK_SCRIPT"], "fund"}
	if utia != "" {
		args = append(args, utia)
	}
	out, err := exec.Command("bash", args...).CombinedOutput()
	require.NoError(t, err, string(out))
}

// requirePending checks blocks keep being made and stay pending.
func requirePending(t *testing.T, r *rollup) {
	t.Helper()
	waitFor(t, 30*time.Second, "blocks pending DA", func() bool { return r.status(r.seqRPC).Pending >= 2 })
}

func mustBalance(t *testing.T, c *celestia.Client) int64 {
	t.Helper()
	b, err := c.Balance(context.Background())
	require.NoError(t, err)
	v, err := strconv.ParseInt(b.Amount, 10, 64)
	require.NoError(t, err)
	return v
}

func mustHead(t *testing.T, c *celestia.Client) uint64 {
	t.Helper()
	h, err := c.NetworkHead(context.Background())
	require.NoError(t, err)
	return h.Height
}

// metrics are the figures the test prints.
type metrics struct {
	badInput      []string
	syncBlocks    int64
	syncDAHeights uint64
	syncTime      time.Duration
	feeUtia       int64
	feeBlocks     int64
	feePFBs       int

	sync2Blocks    int64
	sync2DAHeights uint64
	sync2Time      time.Duration
}

var (
	tookRe  = regexp.MustCompile(`took=(\S+)`)
	blobsRe = regexp.MustCompile(`blobs=(\d+)`)
)

func (m *metrics) report(t *testing.T, r *rollup) {
	var took []time.Duration
	blobs := 0
	for _, line := range logLines(r.seq, 0, "DA submission included") {
		if mt := tookRe.FindStringSubmatch(line); mt != nil {
			if d, err := time.ParseDuration(mt[1]); err == nil {
				took = append(took, d)
			}
		}
		if mt := blobsRe.FindStringSubmatch(line); mt != nil {
			n, _ := strconv.Atoi(mt[1])
			blobs += n
		}
	}
	require.NotEmpty(t, took)
	slices.Sort(took)
	var b strings.Builder
	fmt.Fprintf(&b, "\n=== Celestia figures (celestia-node v0.32.1 bridge, celestia-app 9.0.8, one local validator, 1s rollup blocks) ===\n")
	fmt.Fprintf(&b, "blob submit latency (blob.Submit until included, %d submissions): p50 %s, max %s\n", len(took), took[len(took)/2], took[len(took)-1])
	fmt.Fprintf(&b, "rollup blocks per PFB over the whole run (incl. backlogs after outages): %.2f (%d blobs in %d submissions)\n", float64(blobs)/float64(len(took)), blobs, len(took))
	if m.feeBlocks > 0 && m.feePFBs > 0 {
		fmt.Fprintf(&b, "steady posting (fee window): %.2f rollup blocks per PFB (%d blocks in %d PFBs)\n",
			float64(m.feeBlocks)/float64(m.feePFBs), m.feeBlocks, m.feePFBs)
		fmt.Fprintf(&b, "utia paid per rollup block: %.1f (%d utia for %d blocks, %.0f utia per PFB; gas price chosen by the node)\n",
			float64(m.feeUtia)/float64(m.feeBlocks), m.feeUtia, m.feeBlocks, float64(m.feeUtia)/float64(m.feePFBs))
	}
	fmt.Fprintf(&b, "full-node sync from Celestia: %d blocks (%d Celestia heights) in %s = %.2f blocks/s (fresh node, started after they existed)\n",
		m.syncBlocks, m.syncDAHeights, m.syncTime.Round(time.Millisecond), float64(m.syncBlocks)/m.syncTime.Seconds())
	fmt.Fprintf(&b, "second fresh full node at the end: %d blocks (%d Celestia heights) in %s = %.2f blocks/s, %.1f Celestia heights/s\n",
		m.sync2Blocks, m.sync2DAHeights, m.sync2Time.Round(time.Millisecond), float64(m.sync2Blocks)/m.sync2Time.Seconds(),
		float64(m.sync2DAHeights)/m.sync2Time.Seconds())
	fmt.Fprintf(&b, "bad input, the line each gave:\n")
	for _, l := range m.badInput {
		fmt.Fprintf(&b, "  - %s\n", l)
	}
	t.Log(b.String())
	if path := os.Getenv("CELESTIA_REPORT"); path != "" {
		_ = os.WriteFile(path, []byte(b.String()), 0o644)
	}
}
