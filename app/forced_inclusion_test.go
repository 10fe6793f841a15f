package app_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/sequencer/lane"
)

func TestPrepareProposalPutsForcedTxsFirst(t *testing.T) {
	a, _ := startedApp(t, "forced-1")
	enc := a.TxConfig()
	send := func(amount int64) []byte {
		b := enc.NewTxBuilder()
		from, to := sdk.AccAddress("from________________"), sdk.AccAddress("to__________________")
		require.NoError(t, b.SetMsgs(banktypes.NewMsgSend(from, to, sdk.NewCoins(sdk.NewInt64Coin("umilk", amount)))))
		bz, err := enc.TxEncoder()(b.GetTx())
		require.NoError(t, err)
		return bz
	}
	mem1, mem2 := send(1), send(2)
	// Forced transactions are not decoded or checked here: bytes that fail
	// in the block are still included (ADR 004).
	forcedA, forcedB := []byte("forced-a: fails in its block"), send(3)

	resp, err := a.PrepareProposal(&abci.RequestPrepareProposal{Height: 2, MaxTxBytes: 1 << 20, Txs: [][]byte{mem1, mem2}})
	require.NoError(t, err)
	require.Equal(t, [][]byte{mem1, mem2}, resp.Txs, "no lane source: the mempool as the SDK selects it")

	q := lane.NewQueue()
	q.Add(lane.Forced{Tx: forcedA, Hash: [32]byte{1}}, lane.Forced{Tx: forcedB, Hash: [32]byte{2}})
	a.SetForcedTxSource(q)
	resp, err = a.PrepareProposal(&abci.RequestPrepareProposal{Height: 2, MaxTxBytes: 1 << 20, Txs: [][]byte{mem1, forcedB, mem2}})
	require.NoError(t, err)
	require.Equal(t, [][]byte{forcedA, forcedB, mem1, mem2}, resp.Txs, "forced first in DA order; the mempool copy of forcedB dropped")
	require.Equal(t, 0, q.Len(), "taken")

	q.Add(lane.Forced{Tx: forcedA, Hash: [32]byte{3}})
	limit := int64(len(forcedA) + len(mem1))
	resp, err = a.PrepareProposal(&abci.RequestPrepareProposal{Height: 2, MaxTxBytes: limit, Txs: [][]byte{mem1, mem2}})
	require.NoError(t, err)
	require.Equal(t, [][]byte{forcedA, mem1}, resp.Txs, "the mempool gets the bytes the forced txs leave")

	ok, err := a.ProcessProposal(&abci.RequestProcessProposal{Height: 2, Txs: [][]byte{forcedA}})
	require.NoError(t, err)
	require.Equal(t, abci.ResponseProcessProposal_ACCEPT, ok.Status, "a block with a failing forced tx is still a block")
}
