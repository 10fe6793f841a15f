package keeper_test

import (
	"encoding/binary"
	"fmt"
	"testing"

	storetypes "cosmossdk.io/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/benchutil"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// benchSizes are the trusting pool delegator counts the slash must cost
// the same at (docs/adr/002, amendment 2). tests/bench/slash-flat.sh runs
// one size per process and prints the 100k/100 ratios.
var benchSizes = []int{100, 10_000, 100_000}

// benchDelegator is the i-th pool delegator of the benchmark.
func benchDelegator(i int) string {
	b := make([]byte, 20)
	copy(b, "slashbench")
	binary.BigEndian.PutUint64(b[12:], uint64(i))
	return sdk.AccAddress(b).String()
}

// slashWorld is one benchmark chain: a service borrowing pool 1, its
// operator, and n pool delegators trusting the service.
type slashWorld struct {
	e    *env
	s, o uint32
	job  uint64 // last double-signed task: every slash needs a fresh one
}

// worlds caches a world per size within one process, so the execution and
// the what-if benchmarks of a size share the (slow) setup.
var worlds = map[int]*slashWorld{}

// world builds (or reuses) the chain for n delegators. The setup takes
// the same Msg path as users, committing every 1000 delegators: an
// uncommitted IAVL cache would make every later walk look slow.
func world(b *testing.B, n int) *slashWorld {
	if w, ok := worlds[n]; ok {
		w.e.t = b
		return w
	}
	e := newEnv(b)
	e.ctx = benchutil.RemountCommitting(b, e.ctx)
	w := &slashWorld{e: e, s: e.service()}
	w.o = e.operator(op1Admin, w.s)
	e.setRules(w.s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.001", 0, 0))
	e.registerKey(op1Admin, w.o, w.s)
	e.delegate(alice, opType, w.o, "1000000umilktia")
	for i := 0; i < n; i++ {
		user := benchDelegator(i)
		e.fund(user, "1000000umilktia")
		e.trust(user, w.s)
		e.delegate(user, pool, 0, "1000umilktia")
		if i == 0 {
			e.borrowPool(w.s, 1)
		}
		if (i+1)%1000 == 0 {
			w.commit()
		}
	}
	w.commit()
	worlds[n] = w
	return w
}

func (w *slashWorld) commit() { w.e.ctx.MultiStore().(storetypes.CommitMultiStore).Commit() }

// BenchmarkSlashExecution measures the EndBlock that executes one double
// sign slash, as the number of trusting pool delegators grows: with the
// lazy pool burn it must stay flat (ADR 002, amendment 2). Each iteration
// is one slash of a fresh task in its own committed block.
//
//	bash tests/bench/slash-flat.sh
func BenchmarkSlashExecution(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("delegators=%d", n), func(b *testing.B) {
			w := world(b, n)
			e := w.e
			var gas uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				w.job++
				id := e.submitDoubleSign(doubleSign(eve, w.s, w.o, w.job, e.ctx.BlockHeight(), "0.001")).SlashId
				meter := storetypes.NewInfiniteGasMeter()
				ctx := e.ctx
				e.ctx = e.ctx.WithGasMeter(meter)
				b.StartTimer()
				require.NoError(b, e.k.EndBlocker(e.ctx))
				b.StopTimer()
				gas += meter.GasConsumed()
				e.ctx = ctx.WithBlockHeight(ctx.BlockHeight() + 1).WithBlockTime(ctx.BlockTime().Add(block)).
					WithEventManager(sdk.NewEventManager())
				w.commit()
				require.NoError(b, e.restaking.BeginBlocker(e.ctx))
				require.Equal(b, types.SLASH_STATUS_EXECUTED, e.slash(id).Status)
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(gas)/float64(b.N), "gas/slash")
		})
	}
}

// BenchmarkSimulateSlashPage measures one page (100 positions) of the
// what-if query against the same chains: it must not walk everyone.
func BenchmarkSimulateSlashPage(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("delegators=%d", n), func(b *testing.B) {
			w := world(b, n)
			e := w.e
			req := &types.QuerySimulateSlashRequest{ServiceId: w.s, OperatorId: w.o, Fraction: "0.001",
				Pagination: &query.PageRequest{Limit: 100}}
			var gas uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				meter := storetypes.NewInfiniteGasMeter()
				res, err := e.queries.SimulateSlash(e.ctx.WithGasMeter(meter), req)
				require.NoError(b, err)
				require.NotEmpty(b, res.Delegators)
				gas += meter.GasConsumed()
			}
			b.StopTimer()
			b.ReportMetric(float64(gas)/float64(b.N), "gas/page")
		})
	}
}

// BenchmarkStoreBaseline is the control for the two above: one bank send
// (a fixed handful of reads and writes, nothing to do with slashing) in
// its own committed block, on the same chains. Its growth with the chain's
// size is what any fixed amount of store access costs more on a bigger
// IAVL tree (deeper paths, colder caches): the slash's own growth should
// not exceed it.
func BenchmarkStoreBaseline(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("delegators=%d", n), func(b *testing.B) {
			w := world(b, n)
			e := w.e
			from, to := mustAcc(alice), mustAcc(bob)
			amount := coins("1umilktia")
			var gas uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				meter := storetypes.NewInfiniteGasMeter()
				require.NoError(b, e.bank.SendCoins(e.ctx.WithGasMeter(meter), from, to, amount))
				gas += meter.GasConsumed()
				b.StopTimer()
				w.commit()
				b.StartTimer()
			}
			b.StopTimer()
			b.ReportMetric(float64(gas)/float64(b.N), "gas/send")
		})
	}
}
