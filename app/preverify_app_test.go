package app_test

import (
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/app"
)

// A full node checks a block's signatures on a second goroutine while the
// block executes (preverify.go). Through the real app, against an app
// running BaseApp's FinalizeBlock alone: the same codes, gas and app hash,
// block after block; the checks the pre-verifier did are skipped in the
// block; bad signatures still fail there.
func TestPreverifiedBlocksAreTheSDKs(t *testing.T) {
	key := secp256k1.GenPrivKey()
	fund := fundedGenesis(t, key)
	fullNode, t0 := startedApp(t, "pre-1", fund)
	sdkOnly, _ := startedApp(t, "pre-1", fund)

	var good [][]byte
	for seq := uint64(0); seq < 5; seq++ {
		good = append(good, signedSend(t, fullNode.TxConfig(), "pre-1", key, seq, int64(seq+1)))
	}
	forged := signedSend(t, fullNode.TxConfig(), "another-chain", key, 5, 9) // signs other bytes
	block := &abci.RequestFinalizeBlock{Height: 2, Time: t0.Add(2 * time.Second), Txs: append(good, forged)}

	// Deterministically ahead of the block: everything good is remembered.
	require.Equal(t, len(good), fullNode.PreverifyCommitted(block.Txs))
	preverified := finalizeAndCommit(t, fullNode.FinalizeBlock, fullNode, block)
	plain := finalizeAndCommit(t, sdkOnly.BaseApp.FinalizeBlock, sdkOnly, block)
	requireSameBlock(t, plain, preverified)
	require.Equal(t, uint32(4), preverified.TxResults[len(good)].Code, "a bad signature fails in the block: %s", preverified.TxResults[len(good)].Log)
	require.Equal(t, uint64(len(good)), fullNode.SkippedSignatureChecks(), "the block used the pre-verifier's checks")
	require.Zero(t, sdkOnly.SkippedSignatureChecks())

	// The concurrent path, as a full node runs it (go test -race checks it).
	var next [][]byte
	for seq := uint64(5); seq < 45; seq++ {
		next = append(next, signedSend(t, fullNode.TxConfig(), "pre-1", key, seq, 1))
	}
	block = &abci.RequestFinalizeBlock{Height: 3, Time: t0.Add(3 * time.Second), Txs: next}
	requireSameBlock(t, finalizeAndCommit(t, sdkOnly.BaseApp.FinalizeBlock, sdkOnly, block),
		finalizeAndCommit(t, fullNode.FinalizeBlock, fullNode, block))
}

func finalizeAndCommit(t *testing.T, finalize func(*abci.RequestFinalizeBlock) (*abci.ResponseFinalizeBlock, error),
	a *app.App, block *abci.RequestFinalizeBlock,
) *abci.ResponseFinalizeBlock {
	t.Helper()
	res, err := finalize(block)
	require.NoError(t, err)
	_, err = a.Commit()
	require.NoError(t, err)
	return res
}

func requireSameBlock(t *testing.T, want, got *abci.ResponseFinalizeBlock) {
	t.Helper()
	require.Len(t, got.TxResults, len(want.TxResults))
	for i := range want.TxResults {
		require.Equal(t, want.TxResults[i].Code, got.TxResults[i].Code, "tx %d: %s", i, got.TxResults[i].Log)
		require.Equal(t, want.TxResults[i].GasUsed, got.TxResults[i].GasUsed, "tx %d", i)
	}
	require.Equal(t, want.AppHash, got.AppHash)
}
