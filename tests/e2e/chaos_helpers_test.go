package e2e

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// chaosRun is one TestChaos campaign: what it killed and how long each
// process took to be back.
type chaosRun struct {
	c        *cluster
	rng      *rand.Rand
	samples  map[int64]string // height -> block hash read before a kill
	recovery map[string][]time.Duration
	outage   string
	catchUp  string
}

// killAndRestart SIGKILLs the process in *p, starts it again with its own
// command line and waits until its RPC shows a height above the one it had
// before the kill: it is back and moving.
func (r *chaosRun) killAndRestart(p **process, rpc string) {
	c := r.c
	before := c.height(rpc)
	r.sample(before)
	c.kill(*p, syscall.SIGKILL)
	start := time.Now()
	*p = c.respawn(*p)
	waitFor(c.t, recoveryBound, (*p).name+" to be back after a SIGKILL", func() bool {
		return c.height(rpc) > before
	})
	r.record((*p).name, time.Since(start))
}

// sample remembers the hash of the sequencer's block at top and at one
// random earlier height, to compare at the end.
func (r *chaosRun) sample(top int64) {
	if top < 1 {
		return
	}
	for _, h := range []int64{top, 1 + r.rng.Int63n(top)} {
		if hash, err := r.c.blockHash(r.c.seqRPC, h); err == nil {
			r.samples[h] = hash
		}
	}
}

func (r *chaosRun) record(name string, d time.Duration) {
	if r.recovery == nil {
		r.recovery = map[string][]time.Duration{}
	}
	r.recovery[name] = append(r.recovery[name], d)
}

// daOutage stops the DA for d while the load goes on: the sequencer keeps
// producing and holds its blocks pending; once the DA is back they are all
// posted.
func (r *chaosRun) daOutage(d time.Duration) {
	if d <= 0 {
		return
	}
	c := r.c
	c.kill(c.da, syscall.SIGTERM)
	from := c.height(c.seqRPC)
	time.Sleep(d)
	produced := c.height(c.seqRPC)
	require.Greater(c.t, produced, from, "the sequencer stopped producing during the DA outage")
	start := time.Now()
	c.da = c.respawn(c.da)
	waitFor(c.t, 3*recoveryBound, "blocks made during the outage to reach the DA", func() bool {
		return c.daIncluded(c.seqRPC) >= produced
	})
	r.outage = fmt.Sprintf("DA down %s: %d blocks made meanwhile, all on the DA %s after it came back",
		d, produced-from, time.Since(start).Round(time.Millisecond))
}

// killDuringCatchUp stops the full node until the sequencer is gap blocks
// ahead, starts it, SIGKILLs it as soon as it has applied some of the gap,
// and starts it again: it must finish the catch-up.
func (r *chaosRun) killDuringCatchUp(gap int64) {
	if gap <= 0 {
		return
	}
	c := r.c
	c.kill(c.full, syscall.SIGKILL)
	from := c.height(c.seqRPC)
	waitFor(c.t, 10*recoveryBound, "the sequencer to get ahead", func() bool { return c.height(c.seqRPC) >= from+gap })
	target := c.height(c.seqRPC)
	c.full = c.respawn(c.full)
	var at int64
	waitFor(c.t, recoveryBound, "the full node to start catching up", func() bool {
		at = c.height(c.fullRPC)
		return at > from
	})
	c.kill(c.full, syscall.SIGKILL)
	start := time.Now()
	c.full = c.respawn(c.full)
	waitFor(c.t, 3*recoveryBound, "the full node to finish the catch-up", func() bool {
		return c.height(c.fullRPC) >= target
	})
	r.catchUp = fmt.Sprintf("full node %d blocks behind, killed at %d of %d (%s), caught up %s after the restart",
		target-from, at-from, target-from, midway(at, from, target), time.Since(start).Round(time.Millisecond))
}

func midway(at, from, target int64) string {
	if at < target {
		return "mid catch-up"
	}
	return "after it had caught up: the replay was faster than the poll"
}

// report logs the campaign's figures.
func (r *chaosRun) report(t *testing.T, load *txLoad) {
	var b strings.Builder
	kills := 0
	for _, name := range []string{"sequencer", "fullnode"} {
		ds := slices.Clone(r.recovery[name])
		kills += len(ds)
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		fmt.Fprintf(&b, "  %-9s %2d SIGKILLs, %2d restarts, back in p50 %s, max %s\n", name, len(ds), len(ds),
			ds[len(ds)/2].Round(time.Millisecond), ds[len(ds)-1].Round(time.Millisecond))
	}
	load.mu.Lock()
	fmt.Fprintf(&b, "  txs: %d accepted, %d committed and all kept on both nodes, %d lost from a killed mempool, %d refused while a node was down\n",
		load.sent, len(load.committed), load.lost, load.refused)
	load.mu.Unlock()
	if r.outage != "" {
		fmt.Fprintf(&b, "  %s\n", r.outage)
	}
	if r.catchUp != "" {
		fmt.Fprintf(&b, "  %s\n", r.catchUp)
	}
	for _, p := range []*process{r.c.seq, r.c.full} {
		bz, _ := os.ReadFile(p.log)
		fmt.Fprintf(&b, "  %s recoveries: %d rollbacks, %d replays, %d InitChain re-runs, %d tx index repairs\n", p.name,
			bytes.Count(bz, []byte("rolling the app back")), bytes.Count(bz, []byte("replaying blocks")),
			bytes.Count(bz, []byte("re-running InitChain")), bytes.Count(bz, []byte("indexed committed blocks missing from the transaction index")))
	}
	fmt.Fprintf(&b, "  %d blocks sampled before kills, unchanged; final height %d", len(r.samples), r.c.height(r.c.seqRPC))
	t.Logf("chaos: %d kills\n%s", kills, b.String())
}
