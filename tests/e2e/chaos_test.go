package e2e

import (
	"flag"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// `make test-chaos` runs TestChaos alone with more kills
// (CHAOS_KILLS=30 by default); `make test` runs it with the defaults below.
var (
	chaosKills   = flag.Int("chaos.kills", 6, "TestChaos: SIGKILLs of the sequencer and the full node, at random moments")
	chaosOutage  = flag.Duration("chaos.outage", 60*time.Second, "TestChaos: length of the DA outage under load (0 skips it)")
	chaosCatchUp = flag.Int64("chaos.catchup", 300, "TestChaos: blocks the full node falls behind before it is killed mid catch-up")
	chaosSeed    = flag.Int64("chaos.seed", 0, "TestChaos: random seed (0 picks one and logs it)")
)

// recoveryBound is how long a restarted process may take to be back: a
// liveness bound for a hung node, far above the seconds it takes.
const recoveryBound = 60 * time.Second

// TestChaos SIGKILLs the sequencer and the DA-only full node at random
// moments while bank sends and pool delegations flow, restarts each with
// its own command line, and also takes the DA away for a while under load
// and kills the full node in the middle of a long catch-up. At the end no
// committed block or transaction is lost or changed: every height is there
// on both nodes with the same hash, blocks sampled before each kill are
// unchanged, every transaction seen in a block before a kill is still in
// the same block on both nodes, the app hashes agree, the invariants hold,
// and no process printed a panic.
func TestChaos(t *testing.T) {
	seed := *chaosSeed
	if seed == 0 {
		seed = time.Now().UnixNano()
	}
	t.Logf("chaos seed %d (-chaos.seed to repeat)", seed)
	rng := rand.New(rand.NewSource(seed))

	c := newCluster(t)
	c.initChain("alice", "bob")
	c.startDA()
	c.startSequencerWithBlockTime("200ms")
	c.startFullNode()
	load := c.startLoad(
		loadSender{key: "alice", args: []string{"bank", "send", "alice", c.address("bob"), "1umilk"}},
		loadSender{key: "bob", args: []string{"restaking", "delegate-pool", "1000umilktia"}},
	)
	run := &chaosRun{c: c, rng: rng, samples: map[int64]string{}}

	for i := 0; i < *chaosKills; i++ {
		time.Sleep(time.Duration(500+rng.Intn(2500)) * time.Millisecond)
		if rng.Intn(2) == 0 {
			run.killAndRestart(&c.seq, c.seqRPC)
		} else {
			run.killAndRestart(&c.full, c.fullRPC)
		}
		if i == *chaosKills/2 {
			run.daOutage(*chaosOutage)
			run.killDuringCatchUp(*chaosCatchUp)
		}
	}
	if *chaosKills == 0 {
		run.daOutage(*chaosOutage)
		run.killDuringCatchUp(*chaosCatchUp)
	}
	load.finish()

	run.requireNothingLost(load.snapshot())
	run.report(t, load)
}

// requireNothingLost checks the end state described on TestChaos.
func (r *chaosRun) requireNothingLost(committed map[string]int64) {
	c, t := r.c, r.c.t
	top := c.height(c.seqRPC)
	waitFor(t, 3*recoveryBound, "the full node to reach the sequencer's height", func() bool {
		return c.height(c.fullRPC) >= top
	})
	seqHashes := c.blockHashes(c.seqRPC, top)
	require.Equal(t, seqHashes, c.blockHashes(c.fullRPC, top), "the nodes disagree on a block")
	for h, hash := range r.samples {
		require.Equal(t, hash, seqHashes[h-1], "block %d changed after a kill", h)
	}
	blockTxs := map[string][]string{} // "rpc@height" -> tx hashes: a block holds many load txs
	for hash, height := range committed {
		for _, rpc := range []string{c.seqRPC, c.fullRPC} {
			key := fmt.Sprintf("%s@%d", rpc, height)
			if _, ok := blockTxs[key]; !ok {
				txs, err := nodetest.BlockTxHashes(rpc, height)
				require.NoError(t, err)
				blockTxs[key] = txs
			}
			require.Contains(t, blockTxs[key], hash, "committed tx is gone from block %d on %s", height, rpc)
			got, ok := txHeight(rpc, hash)
			require.True(t, ok, "committed tx %s is in block %d but not in the tx index of %s", hash, height, rpc)
			require.Equal(t, height, got, "tx %s moved on %s", hash, rpc)
		}
	}
	require.NotEmpty(t, committed, "the load committed nothing")
	c.requireSameAppHash()
	for _, route := range [][2]string{
		{"bank", "total-supply"}, {"pools", "valid-pools"}, {"restaking", "stake"}, {"restaking", "security"},
	} {
		c.mustTx("alice", "crisis", "invariant-broken", route[0], route[1])
	}
}
