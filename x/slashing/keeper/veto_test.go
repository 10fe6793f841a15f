package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestVetoInsideAndAfterTheWindow: a pending slash the resolver vetoes in
// its window never executes; one the resolver tries to veto after its
// window executes anyway.
func TestVetoInsideAndAfterTheWindow(t *testing.T) {
	e := newEnv(t)
	s := e.service()
	o := e.operator(op1Admin, s)
	r := rule(types.FAULT_KIND_DOUBLE_SIGN, "0.1", 0, time.Minute)
	r.Resolver = resolver
	e.setRules(s, "", r)
	e.registerKey(op1Admin, o, s)
	e.delegate(alice, opType, o, "1000umilktia")
	e.nextBlock(block)
	h := e.ctx.BlockHeight()
	e.nextBlock(block)

	vetoed := e.submitDoubleSign(doubleSign(eve, s, o, 1, h, "0.1"))
	// Asking less than the rule changes nothing: a double sign is objective
	// and is slashed at the rule's maximum.
	executed := e.submitDoubleSign(doubleSign(eve, s, o, 2, h, "0.01"))
	require.Equal(t, "0.100000000000000000", e.slash(executed.SlashId).Fraction.String())
	require.Equal(t, vetoed.ExecuteAt, executed.ExecuteAt)
	require.Equal(t, []uint64{vetoed.SlashId, executed.SlashId}, e.pendingIDs())

	e.nextBlock(block) // 10 s of the 60 s window have passed
	_, err := e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: resolver, SlashId: vetoed.SlashId, Reason: "the task was re-issued"})
	require.NoError(t, err)
	s1 := e.slash(vetoed.SlashId)
	require.Equal(t, types.SLASH_STATUS_VETOED, s1.Status)
	require.Equal(t, "the task was re-issued", s1.Reason)
	require.Equal(t, []uint64{executed.SlashId}, e.pendingIDs())
	ev := findEvent[*types.EventSlashVetoed](t, e.ctx.EventManager().Events())
	require.Equal(t, []*types.EventSlashVetoed{{SlashId: vetoed.SlashId, Vetoer: resolver, Reason: "the task was re-issued"}}, ev)

	// The window of the other one closes: still pending, no longer vetoable.
	e.untilExecutionDue(executed.ExecuteAt, block)
	before := e.snapshot()
	_, err = e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: resolver, SlashId: executed.SlashId})
	require.ErrorIs(t, err, types.ErrVetoWindowClosed)
	require.Equal(t, before, e.snapshot())
	require.Equal(t, types.SLASH_STATUS_PENDING, e.slash(executed.SlashId).Status)

	e.nextBlock(block)
	// Only the non-vetoed slash took anything: 1000 → 900, not 1000 → 810.
	e.requireStake(opType, o, "umilktia", 900, "1000")
	require.Equal(t, types.SLASH_STATUS_EXECUTED, e.slash(executed.SlashId).Status)
	require.Equal(t, coins("100umilktia"), e.slash(executed.SlashId).Slashed)
	s1 = e.slash(vetoed.SlashId)
	require.Equal(t, types.SLASH_STATUS_VETOED, s1.Status)
	require.True(t, s1.Slashed.IsZero())
	require.Empty(t, e.pendingIDs())
	require.False(t, e.isJailed(o, s), "a rule with no jail duration jails no one")

	// Neither can be vetoed now.
	_, err = e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: resolver, SlashId: executed.SlashId})
	require.ErrorIs(t, err, types.ErrVetoWindowClosed)
	_, err = e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: resolver, SlashId: vetoed.SlashId})
	require.ErrorIs(t, err, types.ErrSlashNotPending)

	// Long after, nothing more happens to the vetoed slash.
	e.advance(10, time.Minute)
	e.requireStake(opType, o, "umilktia", 900, "1000")
}

// TestGovernanceVetoesWhenTheRuleNamesNoResolver: with no resolver, the
// gov authority may veto and the service admin may not.
func TestGovernanceVetoesWhenTheRuleNamesNoResolver(t *testing.T) {
	e := newEnv(t)
	s := e.service()
	o := e.operator(op1Admin, s)
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.5", 0, time.Minute))
	e.registerKey(op1Admin, o, s)
	e.delegate(alice, opType, o, "1000umilktia")
	e.nextBlock(block)
	res := e.submitDoubleSign(doubleSign(eve, s, o, 1, e.ctx.BlockHeight(), "0.5"))
	_, err := e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: admin, SlashId: res.SlashId})
	require.ErrorIs(t, err, types.ErrUnauthorized)
	_, err = e.msgs.VetoSlash(e.ctx, &types.MsgVetoSlash{Sender: authority, SlashId: res.SlashId})
	require.NoError(t, err)
	e.advance(10, block)
	e.requireStake(opType, o, "umilktia", 1000, "1000")
}
