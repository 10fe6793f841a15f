//go:build celestia

package celestiae2e

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
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

	// --- The node's own size limit, past the client's 7 MiB cap, on a
	// namespace of its own (the rollup's readers never see these blobs).
	t.Run("oversize blob refused by the node", func(t *testing.T) {
		probeID := make([]byte, 10)
		_, err := rand.Read(probeID)
		require.NoError(t, err)
		probeID[0] = 0x70
		probe, err := da.ParseNamespace("00" + strings.Repeat("00", 18) + hex.EncodeToString(probeID))
		require.NoError(t, err)
		over := make([]byte, nodeMaxBlob+1)
		_, err = rand.Read(over)
		require.NoError(t, err)
		_, err = admin.Submit(ctx, [][]byte{over}, -1, probe.Bytes())
		require.ErrorIs(t, err, da.ErrBlobTooLarge, "Submit refuses above MaxBlobSize before sending")
		var rpcErr *celestia.RPCError
		require.False(t, errors.As(err, &rpcErr), "Submit must not have asked the node: %v", err)

		start := time.Now()
		_, err = admin.SubmitUnchecked(ctx, [][]byte{over}, -1, probe.Bytes())
		require.ErrorIs(t, err, da.ErrBlobTooLarge, "the node's refusal of %d bytes", len(over))
		require.True(t, errors.As(err, &rpcErr), "the refusal came from the node: %v", err)
		require.Contains(t, rpcErr.Message, "code: 21", "celestia-app's ErrTxTooLarge")
		m.oversize = fmt.Sprintf("%d bytes: %v (after %s)", len(over), err, time.Since(start).Round(time.Millisecond))

		// One byte less is accepted and reads back byte-equal: the limit
		// is exactly where the recipe measured it.
		start = time.Now()
		ids, err := admin.SubmitUnchecked(ctx, [][]byte{over[:nodeMaxBlob]}, -1, probe.Bytes())
		require.NoError(t, err, "%d bytes", nodeMaxBlob)
		got, err := admin.Get(ctx, ids, probe.Bytes())
		require.NoError(t, err)
		require.Len(t, got, 1)
		require.True(t, bytes.Equal(over[:nodeMaxBlob], got[0]), "the %d-byte blob read back differs", nodeMaxBlob)
		h, _, _ := da.SplitID(ids[0])
		m.undersize = fmt.Sprintf("%d bytes: included at Celestia height %d in %s, read back byte-equal", nodeMaxBlob, h, time.Since(start).Round(time.Millisecond))
	})

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
		// A backlog larger than one Celestia transaction can carry.
		bigBytes := r.sendBigTxs(t)
		require.Greater(t, bigBytes, nodeMaxBlob)
		requirePending(t, r)
		backlog := r.status(r.seqRPC)
		require.Greater(t, backlog.Pending, int64(0))
		offBack := logSize(r.seq.log)
		bridge(t, "bridge-start")
		produced := r.height(r.seqRPC)
		waitFor(t, 5*time.Minute, "the blocks made during the outage to reach Celestia", func() bool {
			return r.status(r.seqRPC).DAIncluded >= produced
		})
		var sizes []int
		for _, line := range logLines(r.seq, offBack, "DA submission included") {
			mt := bytesRe.FindStringSubmatch(line)
			require.NotNil(t, mt, line)
			n, _ := strconv.Atoi(mt[1])
			require.LessOrEqual(t, n, celestia.MaxBlobSize, line)
			sizes = append(sizes, n)
		}
		require.GreaterOrEqual(t, len(sizes), 2, "a backlog over %d bytes must go in more than one submission", nodeMaxBlob)
		tooLarge := len(logLines(r.seq, offBack, "tx too large"))
		m.backlog = fmt.Sprintf("%d pending blocks (%d..%d) holding >= %d bytes of transactions (%d txs with %d-char memos) posted in %d submissions of %v bytes (compressed); %d \"tx too large\" retries",
			backlog.Pending, backlog.DAIncluded+1, backlog.Latest, bigBytes, bigTxs, bigMemo, len(sizes), sizes, tooLarge)
	})

	// --- Many more blocks with many transactions, so the fresh full node
	// at the end has a sizeable chain to sync: 250 ms blocks under load.
	r.kill(r.seq, syscall.SIGTERM)
	r.startSequencer(adminToken, "--rollkit.block_time", "250ms")
	stopLoad := r.startLoad()
	waitFor(t, 10*time.Minute, fmt.Sprintf("the chain to reach height %d under load", syncTarget), func() bool {
		return r.height(r.seqRPC) >= syncTarget
	})
	m.loadTxs = stopLoad()
	require.Greater(t, m.loadTxs, 0, "no load transaction was accepted")
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
	m.sync2Txs = txsIn(t, r.seqRPC, last)
	require.Equal(t, m.sync2Txs, txsIn(t, rpc2, last), "the second full node has other transactions")
	require.GreaterOrEqual(t, last, int64(syncTarget))
	require.GreaterOrEqual(t, m.sync2Txs, m.loadTxs/2, "the load's transactions are in the synced chain")

	// --- A third fresh full node reading through a celestia-node light
	// node (network.sh up-light), which gets headers and shares from the
	// bridge and samples every block itself.
	if lightRPC := network["LIGHT_RPC"]; lightRPC != "" {
		light := celestia.New(lightRPC, network["LIGHT_READ_TOKEN"])
		lightTip := mustHead(t, light)
		require.GreaterOrEqual(t, lightTip, tip, "the light node follows the network head")
		r.initReader("fullnode-light")
		rpc3 := freeAddr(t)
		start := time.Now()
		r.startReaderVia("fullnode-light", lightRPC, network["LIGHT_READ_TOKEN"], rpc3, freeAddr(t))
		waitFor(t, 10*time.Minute, "the full node on the light node to sync from Celestia", func() bool { return r.height(rpc3) >= last })
		m.lightBlocks, m.lightTime, m.lightDAHeights = last, time.Since(start), lightTip-r.startHeight
		require.Equal(t, r.blockHashes(r.seqRPC, last), r.blockHashes(rpc3, last), "the full node on the light node disagrees on a block")
		require.Equal(t, m.sync2Txs, txsIn(t, rpc3, last))
	} else {
		t.Log("no LIGHT_RPC in network.env (scripts/celestia/network.sh up-light): the light-node reader is skipped")
	}

	m.report(t, r)
}
