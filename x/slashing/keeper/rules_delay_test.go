package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestRulesApplyAfterTheActivationDelay: rules a service sets apply only
// rules_activation_delay later, so an admin cannot write a harsh rule and
// use it on stake that could not leave in time; until then the rules in
// force (none, here) decide.
func TestRulesApplyAfterTheActivationDelay(t *testing.T) {
	const delay = time.Minute
	e := newEnv(t, func(_ *env, gs *types.GenesisState) { gs.Params.RulesActivationDelay = delay })
	s := e.service()
	o := e.operator(op1Admin, s)
	e.registerKey(op1Admin, o, s)
	e.delegate(alice, opType, o, "1000umilktia")
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.1", 0, 0))
	setAt := e.ctx.BlockTime()

	cfg, err := e.queries.ServiceConfig(e.ctx, &types.QueryServiceConfigRequest{ServiceId: s})
	require.NoError(t, err)
	require.Empty(t, cfg.Config.Rules, "nothing in force yet")
	require.True(t, cfg.Config.HasPending)
	require.Equal(t, setAt.Add(delay), cfg.Config.PendingFrom)
	_, err = e.msgs.SubmitDoubleSign(e.ctx, doubleSign(eve, s, o, 1, e.ctx.BlockHeight(), "0.1"))
	require.ErrorIs(t, err, types.ErrNoRule)

	e.advance(6, block) // the minute passes
	res := e.submitDoubleSign(doubleSign(eve, s, o, 1, e.ctx.BlockHeight(), "0.1"))

	// A harsher rule waits its turn: the pending slash and new evidence
	// still follow the 10% rule.
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.5", 0, 0))
	_, err = e.msgs.SubmitDoubleSign(e.ctx, doubleSign(eve, s, o, 2, e.ctx.BlockHeight(), "0.5"))
	require.ErrorIs(t, err, types.ErrFractionTooHigh)
	e.nextBlock(block)
	require.Equal(t, types.SLASH_STATUS_EXECUTED, e.slash(res.SlashId).Status)
	e.requireStake(opType, o, "umilktia", 900, "1000")
}
