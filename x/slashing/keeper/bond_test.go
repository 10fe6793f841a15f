package keeper_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestStateMismatchBond: whoever disputes a sequencer header escrows the
// params' bond; a veto burns it, execution returns it, and a submitter who
// cannot pay changes nothing. The module account holds exactly the bonds
// of the pending slashes (checked every block).
func TestStateMismatchBond(t *testing.T) {
	var sSeq, oSeq uint32
	e := newEnv(t, func(e *env, gs *types.GenesisState) {
		sSeq = e.service()
		oSeq = e.operator(seqAdmin, sSeq)
		gs.Sequencing = types.SequencingService{ServiceId: sSeq, OperatorId: oSeq}
		gs.Params.MinSubjectiveVetoWindow = time.Minute
		gs.Params.StateMismatchBond = coins("500umilk")
	})
	e.setRules(sSeq, "", rule(types.FAULT_KIND_STATE_MISMATCH, "0.1", 0, time.Minute))
	e.delegate(alice, opType, oSeq, "1000umilktia")
	e.advance(3, block)
	dispute := func(submitter string, height uint64) *types.MsgSubmitStateMismatch {
		return &types.MsgSubmitStateMismatch{
			Submitter: submitter, Fraction: dec("0.1"), ExpectedAppHash: make([]byte, 32),
			Header: signedHeader(headerSpec{Height: height, AppHash: bytes.Repeat([]byte{1}, 32)}),
			Block:  types.DAPointer{Namespace: types.DefaultParams().EvidenceNamespace, Height: 5, Commitment: []byte("block")},
		}
	}
	h := uint64(e.ctx.BlockHeight() - 1)

	// Cannot pay: refused, nothing changes.
	pauper := addr("pauper")
	before := e.snapshot()
	_, err := e.msgs.SubmitStateMismatch(e.ctx, dispute(pauper, h))
	require.ErrorIs(t, err, types.ErrInsufficientBond)
	require.Equal(t, before, e.snapshot())

	// Vetoed: the bond is burned.
	eveMilk, supply := e.balance(eve, "umilk"), e.supply("umilk")
	vetoed, err := e.msgs.SubmitStateMismatch(e.ctx, dispute(eve, h))
	require.NoError(t, err)
	require.Equal(t, coins("500umilk"), e.slash(vetoed.SlashId).Bond)
	require.Equal(t, eveMilk.SubRaw(500).String(), e.balance(eve, "umilk").String())
	e.nextBlock(block)
	_, err = e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: authority, SlashId: vetoed.SlashId, Reason: "re-executed: the header is right"})
	require.NoError(t, err)
	require.Equal(t, supply.SubRaw(500).String(), e.supply("umilk").String())
	require.Equal(t, eveMilk.SubRaw(500).String(), e.balance(eve, "umilk").String())

	// Executed: the bond comes back, the sequencer's stake pays.
	executed, err := e.msgs.SubmitStateMismatch(e.ctx, dispute(eve, h-1))
	require.NoError(t, err)
	e.untilExecutionDue(executed.ExecuteAt, block)
	e.nextBlock(block)
	require.Equal(t, types.SLASH_STATUS_EXECUTED, e.slash(executed.SlashId).Status)
	require.Equal(t, eveMilk.SubRaw(500).String(), e.balance(eve, "umilk").String(), "only the vetoed bond is lost")
	e.requireStake(opType, oSeq, "umilktia", 900, "1000")
}
