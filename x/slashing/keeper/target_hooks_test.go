package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	serviceskeeper "github.com/milkyway-labs/milkyway-rollup/x/services/keeper"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestDeletedServiceLeavesNoSlashingState: deleting a service removes its
// rules and the keys and jails operators hold for it; its slashes stay as
// the record, and other services' state is untouched.
func TestDeletedServiceLeavesNoSlashingState(t *testing.T) {
	e := newEnv(t)
	s, kept := e.service(), e.service()
	o := e.operator(op1Admin, s, kept)
	for _, id := range []uint32{s, kept} {
		e.setRules(id, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.1", time.Hour, 0))
		e.registerKey(op1Admin, o, id)
	}
	e.delegate(alice, opType, o, "1000umilktia")
	e.nextBlock(block)
	e.submitDoubleSign(doubleSign(eve, s, o, 1, e.ctx.BlockHeight(), "0.1"))
	e.submitDoubleSign(doubleSign(eve, kept, o, 1, e.ctx.BlockHeight(), "0.1"))
	e.nextBlock(block)
	require.True(t, e.isJailed(o, s))

	msgs := serviceskeeper.NewMsgServer(e.services)
	_, err := msgs.DeactivateService(e.ctx, &servicestypes.MsgDeactivateService{Sender: admin, ServiceId: s})
	require.NoError(t, err)
	_, err = msgs.DeleteService(e.ctx, &servicestypes.MsgDeleteService{Sender: admin, ServiceId: s})
	require.NoError(t, err)

	cfg, err := e.k.GetConfig(e.ctx, s)
	require.NoError(t, err)
	require.Empty(t, cfg.Rules)
	_, err = e.k.GetOperatorKey(e.ctx, o, s)
	require.ErrorIs(t, err, types.ErrKeyNotFound)
	require.False(t, e.isJailed(o, s))
	require.Equal(t, types.SLASH_STATUS_EXECUTED, e.slash(1).Status, "the record stays")

	_, err = e.k.GetOperatorKey(e.ctx, o, kept)
	require.NoError(t, err)
	require.True(t, e.isJailed(o, kept))
	kc, err := e.k.GetConfig(e.ctx, kept)
	require.NoError(t, err)
	require.Len(t, kc.Rules, 1)
	e.requireInvariants()
}
