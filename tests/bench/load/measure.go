package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
)

// This file broadcasts signed transactions and times their inclusion.

// measure broadcasts txs (one goroutine per sender, each in sequence
// order) and scans new blocks until every tx is in one.
func measure(ctx context.Context, rpc *rpchttp.HTTP, name string, txs []signedTx, nSenders int, limit time.Duration) (result, error) {
	ctx, cancel := context.WithTimeout(ctx, limit)
	defer cancel()
	r := result{name: name, n: len(txs)}

	// Start right after a new block: every run then has a whole block
	// interval ahead of its first broadcast, which makes small-N runs
	// comparable with each other.
	scanned, err := nextBlock(ctx, rpc)
	if err != nil {
		return r, err
	}
	pending := make(map[string]bool, len(txs))
	for _, t := range txs {
		pending[t.hash] = true
	}

	start := time.Now()
	bcastErr := make(chan error, nSenders)
	var wg sync.WaitGroup
	for si := 0; si < nSenders; si++ {
		wg.Add(1)
		go func(si int) {
			defer wg.Done()
			for _, t := range txs {
				if t.sender != si {
					continue
				}
				res, err := rpc.BroadcastTxSync(ctx, t.bytes)
				if err != nil {
					bcastErr <- fmt.Errorf("broadcast %s: %w", t.hash, err)
					return
				}
				if res.Code != 0 {
					bcastErr <- fmt.Errorf("CheckTx rejected %s: code %d (%s): %s", t.hash, res.Code, res.Codespace, res.Log)
					return
				}
			}
		}(si)
	}
	bcastDone := make(chan struct{})
	go func() { wg.Wait(); close(bcastDone) }()

	var lastScanErr error
	firstSeen := map[int64]time.Time{}
	ticker := time.NewTicker(10 * time.Millisecond)
	defer ticker.Stop()
	for len(pending) > 0 {
		select {
		case err := <-bcastErr:
			return r, err
		case <-bcastDone:
			if r.broadcast == 0 {
				r.broadcast = time.Since(start)
			}
			bcastDone = nil // closed: stop selecting it
		case <-ctx.Done():
			return r, fmt.Errorf("%d of %d txs not in a block after %s (last block error: %v)", len(pending), len(txs), limit, lastScanErr)
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
				if err := scanBlock(ctx, rpc, h, firstSeen[h], pending, &r); err != nil {
					lastScanErr = err
					break // not stored yet: retry from h on the next tick
				}
				scanned = h
			}
			if len(pending) == 0 {
				r.included = time.Since(start)
			}
		}
	}
	if r.broadcast == 0 {
		<-bcastDone
		r.broadcast = time.Since(start)
	}
	return r, nil
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

// scanBlock removes the txs of block h from pending and records their
// results. It changes nothing when it fails: the sequencer may report a
// height before that block and its results are stored, so the caller
// retries the same height on the next tick.
func scanBlock(ctx context.Context, rpc *rpchttp.HTTP, h int64, seen time.Time, pending map[string]bool, r *result) error {
	blk, err := rpc.Block(ctx, &h)
	if err != nil {
		return fmt.Errorf("block %d: %w", h, err)
	}
	var ours []int
	for i, t := range blk.Block.Txs {
		if pending[fmt.Sprintf("%X", t.Hash())] {
			ours = append(ours, i)
		}
	}
	if len(ours) == 0 {
		return nil
	}
	res, err := rpc.BlockResults(ctx, &h)
	if err != nil {
		return fmt.Errorf("block results %d: %w", h, err)
	}
	if len(res.TxsResults) != len(blk.Block.Txs) {
		return fmt.Errorf("block %d has %d txs but %d results", h, len(blk.Block.Txs), len(res.TxsResults))
	}
	for _, i := range ours {
		delete(pending, fmt.Sprintf("%X", blk.Block.Txs[i].Hash()))
		if tr := res.TxsResults[i]; tr.Code != 0 {
			if r.failed == 0 {
				r.firstFail = fmt.Sprintf("code %d (%s): %s", tr.Code, tr.Codespace, tr.Log)
			}
			r.failed++
		}
	}
	r.blocks = append(r.blocks, blockCount{height: h, txs: len(ours), lag: seen.Sub(blk.Block.Time)})
	return nil
}

func printDetails(r result) {
	var blocks []string
	for _, b := range r.blocks {
		blocks = append(blocks, fmt.Sprintf("#%d:%d txs/%dms", b.height, b.txs, b.lag.Milliseconds()))
	}
	fmt.Fprintf(os.Stderr, "%s: broadcast (CheckTx) of %d txs took %.2fs (%.1f tx/s); %d failed in their block; %d block(s) [height:txs/commit lag] %s\n",
		r.name, r.n, r.broadcast.Seconds(), float64(r.n)/r.broadcast.Seconds(), r.failed, len(r.blocks), strings.Join(blocks, " "))
}
