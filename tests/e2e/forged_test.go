package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cometbft/cometbft/crypto/ed25519"
	"github.com/cometbft/cometbft/privval"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/da"
	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway/gatewaytest"
)

// chainNamespace is milkywayd's default --rollkit.da_namespace.
const chainNamespace = "6d696c6b79776179"

// TestFullNodeIgnoresForgedBlocks posts blocks signed by another key (one
// of them compressed like the sequencer's own blobs), a blob that is no
// block at all and an envelope of an unknown version into the chain's
// namespace on the mock DA. The full node drops them with a log line and
// stays in sync, reading the sequencer's compressed blocks.
func TestFullNodeIgnoresForgedBlocks(t *testing.T) {
	c := newCluster(t)
	c.initChain("alice")
	c.startDA()
	c.startSequencer()
	c.startFullNode()
	waitFor(t, 60*time.Second, "full node to sync a block", func() bool { return c.height(c.fullRPC) >= 2 })

	seqKey := privval.LoadFilePVEmptyState(
		filepath.Join(c.home("sequencer"), "config", "priv_validator_key.json"), "").Key
	forger := ed25519.GenPrivKey()
	next := uint64(c.height(c.seqRPC) + 2)
	forgeries := [][]byte{
		// Claims the sequencer's address, signed by another key.
		gatewaytest.Blob(gatewaytest.Block(gatewaytest.BlockSpec{
			ChainID: chainID, Height: next, Key: forger, Proposer: seqKey.Address,
			Txs: [][]byte{[]byte("forged")},
		})),
		// The sequencer's header, signature by another key.
		gatewaytest.Blob(gatewaytest.Block(gatewaytest.BlockSpec{
			ChainID: chainID, Height: next, Key: seqKey.PrivKey, Signer: forger,
		})),
		[]byte("not a rollkit block"),
		// A forgery compressed as the sequencer's gateway posts blocks:
		// decoded, then rejected for its signature.
		gatewaytest.PostedBlob(gatewaytest.Block(gatewaytest.BlockSpec{
			ChainID: chainID, Height: next, Key: forger, Proposer: seqKey.Address,
			Txs: [][]byte{bytes.Repeat([]byte("forged, compressed "), 20)},
		})),
		// An envelope of a version no node reads (da/blobenc).
		append([]byte{0x00, 'M', 'W', 'B', 9, 1}, []byte("from the future")...),
	}

	ctx := context.Background()
	client := celestia.New("http://"+c.daAddr, "") // what nodes use
	ns, err := da.ParseNamespace(chainNamespace)
	require.NoError(t, err)
	_, err = client.Submit(ctx, forgeries, -1, ns.Bytes())
	require.NoError(t, err)

	waitFor(t, 60*time.Second, "the full node to log the rejections", func() bool {
		bz, _ := os.ReadFile(c.full.log)
		return strings.Count(string(bz), "rejected blob in the chain namespace") >= len(forgeries)
	})
	waitFor(t, 60*time.Second, "the chain to move past the forged height", func() bool {
		return c.height(c.fullRPC) > int64(next)+1
	})
	c.requireSameAppHash()

	// `milkywayd da inspect` verifies from the DA alone what the full node
	// did: every blob's inclusion proof holds; the forgeries are not
	// sequencer-signed; the genuine blocks are, with the sequencer's hashes.
	out := c.cli("da", "inspect", "--home", c.home("fullnode"), "--da-url", "http://"+c.daAddr, "--from", "1", "--to", "10000")
	rejected, genuine := 0, 0
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var blob struct {
			InclusionProof  bool   `json:"inclusion_proof_valid"`
			SequencerSigned bool   `json:"sequencer_signed"`
			RollupHeight    int64  `json:"rollup_height"`
			BlockHash       string `json:"block_hash"`
			Encoding        string `json:"encoding"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &blob), line)
		require.True(t, blob.InclusionProof, line)
		if !blob.SequencerSigned {
			rejected++
			continue
		}
		genuine++
		require.Contains(t, []string{"zstd", "raw"}, blob.Encoding, line)
		hash, err := c.blockHash(c.seqRPC, blob.RollupHeight)
		require.NoError(t, err)
		require.True(t, strings.EqualFold(hash, blob.BlockHash), "block %d: DA has %s, sequencer %s", blob.RollupHeight, blob.BlockHash, hash)
	}
	require.Equal(t, len(forgeries), rejected)
	require.Positive(t, genuine)
}
