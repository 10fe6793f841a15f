package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	restakingkeeper "github.com/milkyway-labs/milkyway-rollup/x/restaking/keeper"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// TestTrustCannotBeWithdrawnWhileASlashIsPending: during the veto window a
// pool delegator cannot stop trusting the slashed service (so the pool
// stake answering for the fault is still there when it executes), nobody
// can start trusting it or add trusting pool stake, and the operator takes
// no new delegations (newcomers would pay for a fault that came before
// them); other services are unaffected, and after execution all is free.
func TestTrustCannotBeWithdrawnWhileASlashIsPending(t *testing.T) {
	e := newEnv(t)
	s := e.service()
	other := e.service()
	o := e.operator(op1Admin, s)
	e.trust(carol, s, other)
	e.delegate(carol, pool, 0, "1000umilktia")
	e.delegate(dave, pool, 0, "1000uinit") // pool 2
	e.borrowPool(s, 1)
	e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.1", 0, time.Minute))
	e.registerKey(op1Admin, o, s)
	e.delegate(alice, opType, o, "1000umilktia")
	e.nextBlock(block)
	e.submitDoubleSign(doubleSign(eve, s, o, 1, e.ctx.BlockHeight(), "0.1"))

	msgs := restakingkeeper.NewMsgServer(e.restaking)
	setTrust := func(services ...uint32) error {
		prefs := restakingtypes.UserPreferences{}
		for _, id := range services {
			prefs.TrustedServices = append(prefs.TrustedServices, restakingtypes.TrustedServiceEntry{ServiceId: id})
		}
		_, err := msgs.SetUserPreferences(e.ctx, &restakingtypes.MsgSetUserPreferences{User: carol, Preferences: prefs})
		return err
	}
	before := e.snapshot()
	require.ErrorIs(t, setTrust(other), types.ErrSlashPending, "dropping the slashed service")
	// Narrowing to one pool (of a service that trusted all pools) narrows too.
	_, err := msgs.SetUserPreferences(e.ctx, &restakingtypes.MsgSetUserPreferences{User: carol, Preferences: restakingtypes.UserPreferences{
		TrustedServices: []restakingtypes.TrustedServiceEntry{{ServiceId: s, PoolIds: []uint32{2}}, {ServiceId: other}}}})
	require.ErrorIs(t, err, types.ErrSlashPending)
	require.ErrorIs(t, e.tryTrust(dave, s), types.ErrSlashPending, "starting to trust it")
	require.ErrorIs(t, e.tryDelegate(carol, pool, 0, "10umilktia"), types.ErrSlashPending, "more trusting pool stake")
	require.ErrorIs(t, e.tryDelegate(bob, opType, o, "10umilktia"), types.ErrSlashPending, "a delegation to the operator")
	require.Equal(t, before, e.snapshot(), "a refused change changes nothing")
	require.NoError(t, setTrust(s), "dropping another service is fine")
	e.delegate(bob, pool, 0, "10umilktia") // bob trusts no one: his pool stake is not exposed

	e.advance(7, block) // the minute passes, the slash executes
	del, found := e.delegation(carol, pool, 1)
	require.True(t, found)
	// o is the only operator (w = 1): carol's trusting shares lose 10%.
	require.Equal(t, "900.000000000000000000", del.Shares.AmountOf("umilktia").String())
	require.NoError(t, setTrust(), "after execution the trust can go")
	require.NoError(t, e.tryTrust(dave, s))
	e.delegate(bob, opType, o, "10umilktia")
}
