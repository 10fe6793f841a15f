package keeper_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestVetoWindowMustBeShorterThanUnbonding: a window as long as the
// unbonding time would let every delegator leave, paid in full, before
// the slash executes.
func TestVetoWindowMustBeShorterThanUnbonding(t *testing.T) {
	e := newEnv(t)
	s := e.service()
	rp, err := e.restaking.GetParams(e.ctx)
	require.NoError(t, err)
	before := e.snapshot()
	_, err = e.msgs.SetSlashingRules(e.ctx, &types.MsgSetSlashingRules{Sender: admin, ServiceId: s,
		Rules: []types.SlashingRule{rule(types.FAULT_KIND_DOUBLE_SIGN, "0.1", 0, rp.UnbondingTime)}})
	require.ErrorIs(t, err, types.ErrInvalidRule)
	require.Equal(t, before, e.snapshot())
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.1", 0, rp.UnbondingTime-time.Second))
}

// TestUnjoinedOperatorAnswersAlone: an operator that registered a task key
// but never joined the service answers for a double sign with its own
// stake; the pools the service borrows back only its joined operators.
func TestUnjoinedOperatorAnswersAlone(t *testing.T) {
	e := newEnv(t)
	s := e.service()
	o := e.operator(op1Admin) // not joined
	e.trust(carol, s)
	e.delegate(carol, pool, 0, "1000umilktia")
	e.borrowPool(s, 1)
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.1", 0, 0))
	e.registerKey(op1Admin, o, s)
	e.delegate(alice, opType, o, "1000umilktia")
	e.nextBlock(block)
	e.submitDoubleSign(doubleSign(eve, s, o, 1, e.ctx.BlockHeight(), "0.1"))
	e.nextBlock(block)
	e.requireStake(opType, o, "umilktia", 900, "1000")
	e.requireStake(pool, 1, "umilktia", 1000, "1000")
}

// TestStateMismatchesOneAtATime: anyone may dispute a sequencer header and
// only a veto stops it, so one dispute per sequencer is pending at a time;
// it executes at the rule's maximum whatever it asked, and a vetoed
// dispute does not use the height up.
func TestStateMismatchesOneAtATime(t *testing.T) {
	var sSeq, oSeq uint32
	e := newEnv(t, func(e *env, gs *types.GenesisState) {
		sSeq = e.service()
		oSeq = e.operator(seqAdmin, sSeq)
		gs.Sequencing = types.SequencingService{ServiceId: sSeq, OperatorId: oSeq}
		gs.Params.MinSubjectiveVetoWindow = time.Minute
	})
	e.setRules(sSeq, "", rule(types.FAULT_KIND_STATE_MISMATCH, "0.1", 0, time.Minute))
	e.delegate(alice, opType, oSeq, "1000umilktia")
	e.advance(3, block)
	dispute := func(height uint64, fraction string) *types.MsgSubmitStateMismatch {
		return &types.MsgSubmitStateMismatch{
			Submitter: eve, Fraction: dec(fraction), ExpectedAppHash: make([]byte, 32),
			Header: signedHeader(headerSpec{Height: height, AppHash: bytes.Repeat([]byte{1}, 32)}),
			Block:  types.DAPointer{Namespace: types.DefaultParams().EvidenceNamespace, Height: 5, Commitment: []byte("block")},
		}
	}
	h := uint64(e.ctx.BlockHeight() - 1)
	first, err := e.msgs.SubmitStateMismatch(e.ctx, dispute(h, "0.000000000000000001"))
	require.NoError(t, err)
	require.Equal(t, "0.100000000000000000", e.slash(first.SlashId).Fraction.String(), "executes at the rule's max")
	before := e.snapshot()
	_, err = e.msgs.SubmitStateMismatch(e.ctx, dispute(h-1, "0.1"))
	require.ErrorIs(t, err, types.ErrSlashPending)
	require.Equal(t, before, e.snapshot())

	_, err = e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: authority, SlashId: first.SlashId})
	require.NoError(t, err)
	again, err := e.msgs.SubmitStateMismatch(e.ctx, dispute(h, "0.1"))
	require.NoError(t, err, "the vetoed dispute did not use height %d up", h)
	e.untilExecutionDue(again.ExecuteAt, block)
	e.nextBlock(block)
	e.requireStake(opType, oSeq, "umilktia", 900, "1000")
}
