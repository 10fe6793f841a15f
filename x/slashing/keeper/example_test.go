package keeper_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// block is the block time of the worked example: one block every 10 s.
const block = 10 * time.Second

// The worked example's rule: at most 10%, jail one hour, one-minute veto
// window; the plan pays 100 uinit a second (1000 per block) to the pools.
const (
	exampleJail     = time.Hour
	exampleVeto     = time.Minute
	examplePerDay   = "8640000uinit"
	exampleBudget   = "100000000uinit"
	examplePerBlock = 1000
)

// example is the worked example of docs/adr/002, set up to the point where
// the double sign is pending.
type example struct {
	e          *env
	s, p       uint32 // the service and its borrowed umilktia pool
	o1, o2     uint32
	plan       uint64
	infraction int64
	slashID    uint64
	executeAt  time.Time
	// blocksPaid counts the rewards allocations since the plan started.
	blocksPaid int
}

// newExample builds docs/adr/002's world:
//
//	prices MILKTIA $5, INIT $1; S borrows P (umilktia); O1, O2 joined S;
//	O1: alice 600 umilktia + 300 uinit, bob 400 umilktia (O1: $5300);
//	O2: erin 1000 uinit ($1000);
//	P: carol (trusts S) 1000 umilktia, dave (trusts no one) 1000 umilktia;
//	alice unbonds from O1 100 umilktia before the infraction height h,
//	50 at h and 200 after it;
//
// then O1 double-signs a task at h and eve submits it with fraction 0.1.
func newExample(t *testing.T, recipient string) *example {
	e := newEnv(t)
	x := &example{e: e}
	x.s = e.service()
	x.o1 = e.operator(op1Admin, x.s)
	x.o2 = e.operator(op2Admin, x.s)
	e.trust(carol, x.s)
	e.delegate(carol, pool, 0, "1000umilktia")
	e.delegate(dave, pool, 0, "1000umilktia")
	p, err := e.pools.GetPoolByDenom(e.ctx, "umilktia")
	require.NoError(t, err)
	x.p = p.Id
	e.borrowPool(x.s, x.p)
	r := rule(types.FAULT_KIND_DOUBLE_SIGN, "0.1", exampleJail, exampleVeto)
	r.Recipient = recipient
	e.setRules(x.s, "", r)
	e.registerKey(op1Admin, x.o1, x.s)
	e.delegate(alice, opType, x.o1, "950umilktia,300uinit")
	e.delegate(bob, opType, x.o1, "400umilktia")
	e.delegate(erin, opType, x.o2, "1000uinit")
	x.plan = e.plan(x.s, examplePerDay, exampleBudget, 1, 0, 0)

	x.next()
	e.undelegate(alice, opType, x.o1, "100umilktia") // before h
	x.next()
	x.infraction = e.ctx.BlockHeight()
	e.undelegate(alice, opType, x.o1, "50umilktia") // at h: not slashed either
	x.next()
	e.undelegate(alice, opType, x.o1, "200umilktia") // after h
	x.next()

	res := e.submitDoubleSign(doubleSign(eve, x.s, x.o1, 7, x.infraction, "0.1"))
	x.slashID, x.executeAt = res.SlashId, res.ExecuteAt
	require.Equal(t, e.ctx.BlockTime().Add(exampleVeto), x.executeAt)
	return x
}

// next runs one block of the example.
func (x *example) next() {
	x.e.nextBlock(block)
	x.blocksPaid++
}

// untilDue runs blocks until the slash's window has closed; it is still
// pending (it executes at this block's end).
func (x *example) untilDue() {
	for x.e.ctx.BlockTime().Before(x.executeAt) {
		x.next()
	}
	require.Equal(x.e.t, x.executeAt, x.e.ctx.BlockTime())
	require.Equal(x.e.t, types.SLASH_STATUS_PENDING, x.e.slash(x.slashID).Status)
}
