package keeper_test

import (
	"encoding/binary"
	"fmt"
	"testing"

	storetypes "cosmossdk.io/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/benchutil"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// benchDelegator is the i-th pool delegator of the benchmark.
func benchDelegator(i int) string {
	b := make([]byte, 20)
	copy(b, "slashbench")
	binary.BigEndian.PutUint64(b[12:], uint64(i))
	return sdk.AccAddress(b).String()
}

// BenchmarkSlashExecution measures the EndBlock that executes one double
// sign slash, as the number of trusting pool delegators grows: the cost of
// the eager pool burn (docs/adr/002, amendment). Each iteration is one
// slash of a fresh task in its own committed block.
//
//	go test -run '^$' -bench SlashExecution -benchtime 5x ./x/slashing/keeper/
func BenchmarkSlashExecution(b *testing.B) {
	for _, n := range []int{100, 1_000, 10_000} {
		b.Run(fmt.Sprintf("delegators=%d", n), func(b *testing.B) {
			e := newEnv(b)
			e.ctx = benchutil.RemountCommitting(b, e.ctx)
			commit := func() { e.ctx.MultiStore().(storetypes.CommitMultiStore).Commit() }
			s := e.service()
			o := e.operator(op1Admin, s)
			e.setRules(s, "", rule(types.FAULT_KIND_DOUBLE_SIGN, "0.001", 0, 0))
			e.registerKey(op1Admin, o, s)
			e.delegate(alice, opType, o, "1000000umilktia")
			for i := 0; i < n; i++ {
				user := benchDelegator(i)
				e.fund(user, "1000000umilktia")
				e.trust(user, s)
				e.delegate(user, pool, 0, "1000umilktia")
				if i == 0 {
					e.borrowPool(s, 1)
				}
				if (i+1)%1000 == 0 {
					commit()
				}
			}
			commit()
			var gas uint64
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				e.submitDoubleSign(doubleSign(eve, s, o, uint64(i+1), e.ctx.BlockHeight(), "0.001"))
				meter := storetypes.NewInfiniteGasMeter()
				ctx := e.ctx
				e.ctx = e.ctx.WithGasMeter(meter)
				b.StartTimer()
				require.NoError(b, e.k.EndBlocker(e.ctx))
				b.StopTimer()
				gas += meter.GasConsumed()
				e.ctx = ctx.WithBlockHeight(ctx.BlockHeight() + 1).WithBlockTime(ctx.BlockTime().Add(block)).
					WithEventManager(sdk.NewEventManager())
				commit()
				require.NoError(b, e.restaking.BeginBlocker(e.ctx))
				b.StartTimer()
			}
			b.StopTimer()
			require.Equal(b, types.SLASH_STATUS_EXECUTED, e.slash(uint64(b.N)).Status)
			b.ReportMetric(float64(gas)/float64(b.N), "gas/slash")
		})
	}
}
