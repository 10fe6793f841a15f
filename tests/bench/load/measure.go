package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	coretypes "github.com/cometbft/cometbft/rpc/core/types"
	rpctypes "github.com/cometbft/cometbft/rpc/jsonrpc/types"
)

// This file broadcasts signed transactions and times their inclusion.

// result is what one phase measured.
type result struct {
	name string
	sent int // broadcast and accepted by CheckTx
	// broadcast runs from the first broadcast to the last CheckTx answer,
	// included from the first broadcast to the sight of the block holding
	// the last accepted tx.
	broadcast, included time.Duration
	latencies           []time.Duration // per accepted tx: broadcast to the sight of its block
	blocks              []blockCount    // blocks holding our txs
	failed              int             // txs with a non-zero code in their block (checkResults)
	firstFail           string
	unsent              []signedTx     // signed but never broadcast (-duration ended first)
	hashes              map[string]int // every signed tx of the phase, for checkResults
	lastSeen            time.Time      // when the block holding the last tx was seen
	followerLag         time.Duration  // then until the -follower full node had that block
	slowestAnswer       time.Duration  // the longest wait for a broadcast's CheckTx answers
}

type blockCount struct {
	height int64
	txs    int
	// lag is from the block's header time (when the sequencer started
	// it) to when its height was first seen in /abci_info (committed): the
	// time to execute and commit the block, plus at most one poll.
	lag time.Duration
}

func (r result) tps() float64 { return float64(r.sent) / r.included.Seconds() }

// phase is the shared state of one measurement: what was sent when, and
// which block each tx was seen in.
type phase struct {
	mu     sync.Mutex // sentAt and seenAt: written by the senders and the scanner
	txs    []signedTx
	index  map[string]int // tx hash -> position in txs
	sentAt []time.Time    // zero: not sent
	seenAt []time.Time    // zero: not seen in a block yet
	// slowestAnswer is the longest a broadcast waited for its CheckTx
	// answers: the intake's share of the latency tail.
	slowestAnswer time.Duration
}

// load is how the senders offer their txs.
type load struct {
	senders, batch int
	rate           float64 // tx/s over all senders; 0: no pause between batches
}

// interval is the pause from one batch of a sender to its next.
func (l load) interval() time.Duration {
	if l.rate <= 0 {
		return 0
	}
	return time.Duration(float64(time.Second) * float64(l.senders*l.batch) / l.rate)
}

// measure broadcasts txs (one goroutine per sender, each in sequence
// order; with duration > 0 until it has passed) and scans new blocks until
// every accepted tx is in one.
func measure(ctx context.Context, rpc *rpchttp.HTTP, name string, txs []signedTx, l load, duration, limit time.Duration) (result, error) {
	ctx, cancel := context.WithTimeout(ctx, limit+duration)
	defer cancel()
	r := result{name: name}
	p := &phase{txs: txs, index: make(map[string]int, len(txs)), sentAt: make([]time.Time, len(txs)), seenAt: make([]time.Time, len(txs))}
	for i, t := range txs {
		p.index[t.hash] = i
	}

	// Start right after a new block: every run then has a whole block
	// interval ahead of its first broadcast, which makes small-N runs
	// comparable with each other.
	scanned, err := nextBlock(ctx, rpc)
	if err != nil {
		return r, err
	}

	start := time.Now()
	bcastErr := make(chan error, l.senders)
	var wg sync.WaitGroup
	for si := 0; si < l.senders; si++ {
		wg.Add(1)
		go func(si int) {
			defer wg.Done()
			if err := p.broadcastSender(ctx, rpc, si, l, start, duration); err != nil {
				bcastErr <- err
			}
		}(si)
	}
	bcastDone := make(chan struct{})
	go func() { wg.Wait(); close(bcastDone) }()

	var lastScanErr error
	firstSeen := map[int64]time.Time{}
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	for done := false; !done; {
		select {
		case err := <-bcastErr:
			return r, err
		case <-bcastDone:
			r.broadcast = time.Since(start)
			bcastDone = nil // closed: stop selecting it
		case <-ctx.Done():
			return r, fmt.Errorf("txs not in a block after %s (last block error: %v)", limit+duration, lastScanErr)
		case <-ticker.C:
			info, err := rpc.ABCIInfo(ctx)
			if err != nil {
				continue // transient; the deadline bounds the retries
			}
			now := time.Now()
			for h := scanned + 1; h <= info.Response.LastBlockHeight; h++ {
				if _, ok := firstSeen[h]; !ok {
					firstSeen[h] = now
				}
				if err := p.scanBlock(ctx, rpc, h, firstSeen[h], &r); err != nil {
					lastScanErr = err
					break // not stored yet: retry from h on the next tick
				}
				scanned = h
			}
			// Done once broadcasting has ended and every accepted tx is seen.
			if bcastDone == nil && p.allSeen() {
				r.lastSeen = time.Now()
				r.included = r.lastSeen.Sub(start)
				done = true
			}
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range txs {
		if !p.sentAt[i].IsZero() {
			r.sent++
			r.latencies = append(r.latencies, p.seenAt[i].Sub(p.sentAt[i]))
		}
	}
	r.unsent = p.unsent()
	r.hashes = p.index
	r.slowestAnswer = p.slowestAnswer
	return r, nil
}

// broadcastSender sends one sender's txs in sequence order, batch at a
// time (a JSON-RPC batch is one HTTP request, run in order by the node),
// and with a rate one batch per interval, the senders staggered over it (a
// sender that falls behind sends at once rather than in a burst). A full
// mempool is waited out (the sequencer drains it every block) and the
// sending resumes at the first tx it refused; any other refusal ends the
// phase.
func (p *phase) broadcastSender(ctx context.Context, rpc *rpchttp.HTTP, si int, l load, start time.Time, duration time.Duration) error {
	var mine []int
	for i, t := range p.txs {
		if t.sender == si {
			mine = append(mine, i)
		}
	}
	interval := l.interval()
	next := start.Add(interval * time.Duration(si) / time.Duration(l.senders))
	for len(mine) > 0 {
		if wait := time.Until(next); wait > 0 {
			time.Sleep(wait)
		}
		if duration > 0 && time.Since(start) >= duration {
			return nil
		}
		batch := mine[:min(l.batch, len(mine))]
		accepted, err := p.send(ctx, rpc, batch)
		mine = mine[accepted:]
		if errors.Is(err, errMempoolFull) {
			time.Sleep(10 * time.Millisecond)
			continue
		}
		if err != nil {
			return err
		}
		if next = next.Add(interval); next.Before(time.Now()) {
			next = time.Now() // behind: no credit for the batches it owes
		}
	}
	return nil
}

var errMempoolFull = errors.New("mempool is full")

// send broadcasts the txs at idx with broadcast_tx_sync in one request and
// returns how many of them, from the first, CheckTx accepted.
func (p *phase) send(ctx context.Context, rpc *rpchttp.HTTP, idx []int) (int, error) {
	now := time.Now()
	for _, i := range idx {
		p.mark(p.sentAt, i, now)
	}
	var results []any
	if len(idx) == 1 {
		res, err := rpc.BroadcastTxSync(ctx, p.txs[idx[0]].bytes)
		p.answered(now)
		results = append(results, res)
		if err != nil {
			results[0] = err
		}
	} else {
		b := rpc.NewBatch()
		for _, i := range idx {
			if _, err := b.BroadcastTxSync(ctx, p.txs[i].bytes); err != nil {
				return p.accepted(idx, 0), err
			}
		}
		out, err := b.Send(ctx)
		p.answered(now)
		if err != nil {
			return p.accepted(idx, 0), fmt.Errorf("broadcast batch from %s: %w", p.txs[idx[0]].hash, err)
		}
		results = out
	}
	for k, r := range results {
		var err error
		switch r := r.(type) {
		case *coretypes.ResultBroadcastTx:
			if r.Code != 0 {
				err = fmt.Errorf("CheckTx rejected %s: code %d (%s): %s", p.txs[idx[k]].hash, r.Code, r.Codespace, r.Log)
			}
		case error:
			err = r
		case *rpctypes.RPCError:
			err = r
		default:
			err = fmt.Errorf("unexpected broadcast result %T", r)
		}
		if err != nil && strings.Contains(err.Error(), "mempool is full") {
			return p.accepted(idx, k), errMempoolFull
		}
		if err != nil {
			return p.accepted(idx, k), fmt.Errorf("broadcast %s: %w", p.txs[idx[k]].hash, err)
		}
	}
	return len(idx), nil
}

// accepted keeps the first n of idx marked as sent and unmarks the rest.
func (p *phase) accepted(idx []int, n int) int {
	for _, i := range idx[n:] {
		p.mark(p.sentAt, i, time.Time{})
	}
	return n
}

// answered records how long the broadcast sent at sent waited.
func (p *phase) answered(sent time.Time) {
	took := time.Since(sent)
	p.mu.Lock()
	p.slowestAnswer = max(p.slowestAnswer, took)
	p.mu.Unlock()
}

func (p *phase) mark(times []time.Time, i int, at time.Time) {
	p.mu.Lock()
	times[i] = at
	p.mu.Unlock()
}

func (p *phase) allSeen() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range p.txs {
		if !p.sentAt[i].IsZero() && p.seenAt[i].IsZero() {
			return false
		}
	}
	return true
}

// unsent lists the txs never broadcast: their sequences are free again.
// The caller holds mu.
func (p *phase) unsent() []signedTx {
	var out []signedTx
	for i, t := range p.txs {
		if p.sentAt[i].IsZero() {
			out = append(out, t)
		}
	}
	return out
}

// followerLag waits until the full node has the last block of the phase
// and returns how long after the sequencer that was.
func followerLag(ctx context.Context, follower *rpchttp.HTTP, r result) (time.Duration, error) {
	if len(r.blocks) == 0 {
		return 0, nil
	}
	last := r.blocks[len(r.blocks)-1].height
	deadline := time.Now().Add(5 * time.Minute)
	for time.Now().Before(deadline) {
		if info, err := follower.ABCIInfo(ctx); err == nil && info.Response.LastBlockHeight >= last {
			return time.Since(r.lastSeen), nil
		}
		time.Sleep(10 * time.Millisecond)
	}
	return 0, fmt.Errorf("the full node did not reach height %d within 5 minutes", last)
}

// nextBlock waits (polling every 5 ms, 30 s at most) until the height
// changes and returns the new height; our txs can only be in later blocks.
func nextBlock(ctx context.Context, rpc *rpchttp.HTTP) (int64, error) {
	info, err := rpc.ABCIInfo(ctx)
	if err != nil {
		return 0, err
	}
	from := info.Response.LastBlockHeight
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
		if info, err := rpc.ABCIInfo(ctx); err == nil && info.Response.LastBlockHeight > from {
			return info.Response.LastBlockHeight, nil
		}
	}
	return 0, fmt.Errorf("no new block after height %d within 30s: is the sequencer producing blocks?", from)
}

// scanBlock marks the txs of block h as seen at seen. It reads only the
// block: the results are read after the phase (checkResults), so their
// JSON does not load the sequencer while it is measured. It changes
// nothing when it fails: the node may report a height before the block is
// stored, so the caller retries the same height on the next tick.
func (p *phase) scanBlock(ctx context.Context, rpc *rpchttp.HTTP, h int64, seen time.Time, r *result) error {
	blk, err := rpc.Block(ctx, &h)
	if err != nil {
		return fmt.Errorf("block %d: %w", h, err)
	}
	ours := 0
	for _, t := range blk.Block.Txs {
		if i, ok := p.index[fmt.Sprintf("%X", t.Hash())]; ok {
			p.mark(p.seenAt, i, seen)
			ours++
		}
	}
	if ours > 0 {
		r.blocks = append(r.blocks, blockCount{height: h, txs: ours, lag: seen.Sub(blk.Block.Time)})
	}
	return nil
}

// checkResults counts, after every phase, the txs that failed in their
// block.
func checkResults(ctx context.Context, rpc *rpchttp.HTTP, results []result) error {
	for i := range results {
		r := &results[i]
		for _, b := range r.blocks {
			h := b.height
			blk, err := rpc.Block(ctx, &h)
			if err != nil {
				return fmt.Errorf("block %d: %w", h, err)
			}
			res, err := rpc.BlockResults(ctx, &h)
			if err != nil {
				return fmt.Errorf("block results %d: %w", h, err)
			}
			if len(res.TxsResults) != len(blk.Block.Txs) {
				return fmt.Errorf("block %d has %d txs but %d results", h, len(blk.Block.Txs), len(res.TxsResults))
			}
			for j, tr := range res.TxsResults {
				if _, ours := r.hashes[fmt.Sprintf("%X", blk.Block.Txs[j].Hash())]; ours && tr.Code != 0 {
					if r.failed == 0 {
						r.firstFail = fmt.Sprintf("code %d (%s): %s", tr.Code, tr.Codespace, tr.Log)
					}
					r.failed++
				}
			}
		}
		if r.failed > 0 {
			return fmt.Errorf("%s: %d txs failed in their block; first: %s", r.name, r.failed, r.firstFail)
		}
	}
	return nil
}
