package keeper_test

import (
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"
	"testing"
	"time"

	storetypes "cosmossdk.io/store/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/benchutil"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// These benchmarks show that the rewards BeginBlocker does not grow with
// the number of delegations: the same service, plans and targets are set
// up with 100, 10,000 and 100,000 delegators, and only the rewards
// BeginBlocker of one block is measured. Besides time, they report the KV
// gas and the number of KV reads, writes and iterator steps per block.
// Those are deterministic: the operation counts are the same for every N,
// and the gas differs only by the byte length of the stored amounts and
// per-share ratios (a ratio over fewer shares has more digits).
//
//	go test -run '^$' -bench Allocation -benchtime 20x ./x/rewards/keeper/

// benchSizes are the numbers of delegations compared.
var benchSizes = []int{100, 10_000, 100_000}

// benchBlockTime is the time one measured block advances.
const benchBlockTime = time.Second

// benchCommitEvery is how many setup delegations go into one committed
// block. Committing matters beyond realism: an uncommitted IAVL tree
// collects and sorts all its pending writes on every iterator it opens
// (iavl UnsavedFastIterator), which would make setup quadratic and every
// iterator in the measured block O(N).
const benchCommitEvery = 1_000

// benchTarget is a delegation target the plans pay.
type benchTarget struct {
	t  restakingtypes.DelegationType
	id uint32
}

// benchEnv is an env with one service, one borrowed pool (umilktia),
// three operators with commission joined to the service, two plans (uinit
// and umilk) and n delegations from n distinct delegators spread over the
// pool, the operators and the service.
type benchEnv struct {
	e       *env
	n       int
	targets []benchTarget
}

// benchEnvs keeps each size's environment for the whole run: building the
// largest takes most of the run's time, and both benchmarks (and every
// -count) reuse it. Benchmarks run one at a time, so no lock is needed.
var benchEnvs = map[int]*benchEnv{}

func getBenchEnv(b *testing.B, n int) *benchEnv {
	be, ok := benchEnvs[n]
	if !ok {
		start := time.Now()
		be = newBenchEnv(b, n)
		b.Logf("setup of %d delegations: %s", n, time.Since(start).Round(time.Millisecond))
		benchEnvs[n] = be
	}
	be.e.t = b
	return be
}

// benchAddr is the i-th delegator, deterministic and distinct from the
// env's named fixtures.
func benchAddr(i int) string {
	b := make([]byte, 20)
	copy(b, "bench")
	binary.BigEndian.PutUint64(b[12:], uint64(i))
	return sdk.AccAddress(b).String()
}

func newBenchEnv(b *testing.B, n int) *benchEnv {
	e := newEnv(b)
	// The invariants walk every delegation; they have no place here.
	e.checkInvariants = false
	benchRemount(b, e)
	svc := e.service()
	ops := []uint32{e.operator(alice, 5, svc), e.operator(bob, 10, svc), e.operator(carol, 20, svc)}

	// The first pool delegation creates the umilktia pool; admin trusts
	// the service so the pool has trusting shares from the start.
	e.trust(admin, svc)
	e.delegate(admin, restakingtypes.DELEGATION_TYPE_POOL, 0, "1000000umilktia")
	var pool uint32
	require.NoError(b, e.restaking.IterateUserDelegations(e.ctx, sdk.MustAccAddressFromBech32(admin),
		func(d restakingtypes.Delegation) (bool, error) {
			pool = d.TargetId
			return true, nil
		}))
	require.NotZero(b, pool)
	e.borrowPool(svc, pool)

	// 100,000 units a second each, funded for the plans' 30 days.
	e.plan(svc, "8640000000uinit", "259200000000uinit", basic(1), basic(1), 1)
	e.plan(svc, "8640000000umilk", "259200000000umilk", basic(2), basic(1), 1)

	be := &benchEnv{e: e, n: n, targets: []benchTarget{{restakingtypes.DELEGATION_TYPE_POOL, pool}}}
	for _, op := range ops {
		be.targets = append(be.targets, benchTarget{restakingtypes.DELEGATION_TYPE_OPERATOR, op})
	}
	be.targets = append(be.targets, benchTarget{restakingtypes.DELEGATION_TYPE_SERVICE, svc})

	// Delegator i goes to target i%5 (pool, operator 1-3, service); the
	// operators and the service get umilktia and umilk alternately, so
	// every size has the same targets with the same denoms.
	for i := 0; i < n; i++ {
		user := benchAddr(i)
		target := be.targets[i%len(be.targets)]
		denom := "umilktia"
		if target.t != restakingtypes.DELEGATION_TYPE_POOL && (i/len(be.targets))%2 == 1 {
			denom = "umilk"
		}
		amount := fmt.Sprintf("%d%s", 1_000_000+(i%7)*250_000, denom)
		e.fund(user, amount)
		if target.t == restakingtypes.DELEGATION_TYPE_POOL {
			e.trust(user, svc)
		}
		e.delegate(user, target.t, target.id, amount)
		if (i+1)%benchCommitEvery == 0 {
			be.commit()
		}
	}
	be.commit()

	// The first allocation only records the time; the second must pay
	// every target in both denoms.
	blk := be.openBlock(b, benchBlockTime)
	require.NoError(b, e.k.BeginBlocker(blk.ctx))
	be.closeBlock(b, blk)
	before := be.outstanding(b)
	blk = be.openBlock(b, benchBlockTime)
	require.NoError(b, e.k.BeginBlocker(blk.ctx))
	be.closeBlock(b, blk)
	be.requireGrew(b, before, be.outstanding(b))
	be.commit()
	return be
}

// benchRemount moves the env's state to a store that can commit.
func benchRemount(tb testing.TB, e *env) { e.ctx = benchutil.RemountCommitting(tb, e.ctx) }

// commit commits the root store, as the end of a block does, and drops
// the block's events.
func (be *benchEnv) commit() {
	be.e.ctx.MultiStore().(storetypes.CommitMultiStore).Commit()
	be.e.ctx = be.e.ctx.WithEventManager(sdk.NewEventManager())
}

// benchBlock is one block in progress, run on a branch of the root store
// as baseapp runs FinalizeBlock.
type benchBlock struct {
	ctx   sdk.Context
	cms   storetypes.CacheMultiStore
	meter *benchGasMeter
}

// openBlock starts the next block, d later, and runs the BeginBlockers
// before rewards' that it reads (the restaking clock, operator
// inactivations), where env.nextBlock runs every module's. The
// returned context is ready for the rewards BeginBlocker, with a fresh gas
// meter.
func (be *benchEnv) openBlock(tb testing.TB, d time.Duration) benchBlock {
	e := be.e
	e.ctx = e.ctx.WithBlockHeight(e.ctx.BlockHeight() + 1).WithBlockTime(e.ctx.BlockTime().Add(d)).
		WithEventManager(sdk.NewEventManager())
	cms := e.ctx.MultiStore().CacheMultiStore()
	ctx := e.ctx.WithMultiStore(cms)
	require.NoError(tb, e.restaking.BeginBlocker(ctx))
	require.NoError(tb, e.operators.BeginBlocker(ctx))
	meter := &benchGasMeter{GasMeter: storetypes.NewInfiniteGasMeter()}
	return benchBlock{ctx: ctx.WithGasMeter(meter), cms: cms, meter: meter}
}

// closeBlock runs the restaking EndBlocker and writes the block.
func (be *benchEnv) closeBlock(tb testing.TB, blk benchBlock) {
	require.NoError(tb, be.e.restaking.EndBlocker(blk.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())))
	blk.cms.Write()
}

// outstanding reads every target's outstanding rewards.
func (be *benchEnv) outstanding(tb testing.TB) []sdk.DecCoins {
	out := make([]sdk.DecCoins, len(be.targets))
	for i, target := range be.targets {
		res, err := be.e.queries.OutstandingRewards(be.e.ctx, &types.QueryOutstandingRewardsRequest{Type: target.t, TargetId: target.id})
		require.NoError(tb, err)
		out[i] = res.Coins
	}
	return out
}

// requireGrew checks that every target was paid in both plans' denoms.
func (be *benchEnv) requireGrew(tb testing.TB, before, after []sdk.DecCoins) {
	for i, target := range be.targets {
		for _, denom := range []string{"uinit", "umilk"} {
			require.True(tb, after[i].AmountOf(denom).GT(before[i].AmountOf(denom)),
				"n=%d: %s %d was not paid in %s: %s -> %s", be.n, target.t, target.id, denom, before[i], after[i])
		}
	}
}

// benchGasMeter is an infinite gas meter that also counts the KV
// operations the gas is charged for.
type benchGasMeter struct {
	storetypes.GasMeter
	reads, writes, deletes, has, iterSteps uint64
}

func (m *benchGasMeter) ConsumeGas(amount storetypes.Gas, descriptor string) {
	switch descriptor {
	case storetypes.GasReadCostFlatDesc:
		m.reads++
	case storetypes.GasWriteCostFlatDesc:
		m.writes++
	case storetypes.GasDeleteDesc:
		m.deletes++
	case storetypes.GasHasDesc:
		m.has++
	case storetypes.GasIterNextCostFlatDesc:
		m.iterSteps++
	}
	m.GasMeter.ConsumeGas(amount, descriptor)
}

// benchUsage is the KV usage of rewards BeginBlockers, summed over blocks.
type benchUsage struct{ blocks, gas, reads, writes, deletes, has, iterSteps uint64 }

func (u *benchUsage) add(blk benchBlock) {
	m := blk.meter
	u.blocks++
	u.gas += m.GasConsumed()
	u.reads += m.reads
	u.writes += m.writes
	u.deletes += m.deletes
	u.has += m.has
	u.iterSteps += m.iterSteps
}

func (u benchUsage) perBlock(v uint64) float64 { return float64(v) / float64(u.blocks) }

func (u benchUsage) String() string {
	return fmt.Sprintf("per block: gas %.0f, KV reads %.0f, writes %.0f, deletes %.0f, has %.0f, iterator steps %.0f",
		u.perBlock(u.gas), u.perBlock(u.reads), u.perBlock(u.writes), u.perBlock(u.deletes), u.perBlock(u.has),
		u.perBlock(u.iterSteps))
}

// BenchmarkAllocationBeginBlock times the rewards BeginBlocker alone, one
// block of benchBlockTime per iteration, at each size. Every iteration is
// checked (untimed) to have paid every target in both denoms.
func BenchmarkAllocationBeginBlock(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(fmt.Sprintf("delegations=%d", n), func(b *testing.B) {
			be := getBenchEnv(b, n)
			// Start with a collected heap: setup garbage would otherwise be
			// marked during the timed blocks.
			runtime.GC()
			var usage benchUsage
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				blk := be.openBlock(b, benchBlockTime)
				before := be.outstanding(b)
				b.StartTimer()
				err := be.e.k.BeginBlocker(blk.ctx)
				b.StopTimer()
				require.NoError(b, err)
				usage.add(blk)
				be.closeBlock(b, blk)
				be.requireGrew(b, before, be.outstanding(b))
				b.StartTimer()
			}
			b.Logf("%d delegations, %s", n, usage)
			b.ReportMetric(usage.perBlock(usage.gas), "gas/op")
			b.ReportMetric(usage.perBlock(usage.reads), "kvreads/op")
			b.ReportMetric(usage.perBlock(usage.writes), "kvwrites/op")
			b.ReportMetric(usage.perBlock(usage.iterSteps), "kvitersteps/op")
		})
	}
}

// BenchmarkAllocationScaling runs one block on each size per iteration,
// interleaved so the three see the same machine and heap, times each
// rewards BeginBlocker with time.Now, and logs the per-block median and
// mean, the KV usage, and the ratio of the largest size to the smallest.
func BenchmarkAllocationScaling(b *testing.B) {
	envs := make([]*benchEnv, len(benchSizes))
	for i, n := range benchSizes {
		envs[i] = getBenchEnv(b, n)
	}
	starts := make([][]sdk.DecCoins, len(envs))
	for i, be := range envs {
		starts[i] = be.outstanding(b)
	}
	samples := make([][]time.Duration, len(envs))
	usages := make([]benchUsage, len(envs))
	runtime.GC()
	for b.Loop() {
		for i, be := range envs {
			b.StopTimer()
			blk := be.openBlock(b, benchBlockTime)
			b.StartTimer()
			start := time.Now()
			err := be.e.k.BeginBlocker(blk.ctx)
			elapsed := time.Since(start)
			b.StopTimer()
			require.NoError(b, err)
			samples[i] = append(samples[i], elapsed)
			usages[i].add(blk)
			be.closeBlock(b, blk)
			b.StartTimer()
		}
	}
	b.StopTimer()
	medians := make([]time.Duration, len(envs))
	for i, be := range envs {
		be.requireGrew(b, starts[i], be.outstanding(b))
		s := slices.Clone(samples[i])
		slices.Sort(s)
		medians[i] = s[len(s)/2]
		var sum time.Duration
		for _, d := range s {
			sum += d
		}
		b.Logf("%6d delegations: rewards BeginBlock median %v, mean %v over %d blocks; %s",
			be.n, medians[i], sum/time.Duration(len(s)), len(s), usages[i])
		b.ReportMetric(float64(medians[i].Nanoseconds()), fmt.Sprintf("ns/block@%d", be.n))
		b.ReportMetric(usages[i].perBlock(usages[i].gas), fmt.Sprintf("gas/block@%d", be.n))
	}
	last := len(envs) - 1
	ratio := float64(medians[last]) / float64(medians[0])
	b.Logf("median time ratio %d/%d delegations: %.2f; gas ratio: %.4f", envs[last].n, envs[0].n, ratio,
		usages[last].perBlock(usages[last].gas)/usages[0].perBlock(usages[0].gas))
	b.ReportMetric(ratio, fmt.Sprintf("ratio-%d/%d", envs[last].n, envs[0].n))
}
