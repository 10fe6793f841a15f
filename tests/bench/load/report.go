package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
)

// This file prints what the phases measured.

// summary is one phase's figures, as printed and as -json writes them.
type summary struct {
	Kind         string  `json:"kind"`
	Txs          int     `json:"txs"`
	Seconds      float64 `json:"seconds"`
	TPS          float64 `json:"tps"`
	CheckTxTPS   float64 `json:"checktx_tps"`
	Blocks       int     `json:"blocks"`
	P50LatencyMs int64   `json:"p50_latency_ms"`
	P99LatencyMs int64   `json:"p99_latency_ms"`
	MaxLatencyMs int64   `json:"max_latency_ms"`
	// SlowestAnswerMs is the longest a broadcast waited for CheckTx: how
	// much of the latency tail is intake rather than block production.
	SlowestAnswerMs int64   `json:"slowest_answer_ms"`
	FirstHeight     int64   `json:"first_height"`
	LastHeight      int64   `json:"last_height"`
	FollowerLag     float64 `json:"follower_lag_s"` // -1: no -follower
}

func summarize(r result) summary {
	lat := slices.Clone(r.latencies)
	slices.Sort(lat)
	s := summary{
		Kind: r.name, Txs: r.sent, Seconds: r.included.Seconds(), TPS: r.tps(),
		CheckTxTPS: float64(r.sent) / r.broadcast.Seconds(), Blocks: len(r.blocks),
		P50LatencyMs: percentile(lat, 0.50).Milliseconds(), P99LatencyMs: percentile(lat, 0.99).Milliseconds(),
		FollowerLag: -1, SlowestAnswerMs: r.slowestAnswer.Milliseconds(),
	}
	if r.followerLag > 0 {
		s.FollowerLag = r.followerLag.Seconds()
	}
	if len(lat) > 0 {
		s.MaxLatencyMs = lat[len(lat)-1].Milliseconds()
	}
	if len(r.blocks) > 0 {
		s.FirstHeight, s.LastHeight = r.blocks[0].height, r.blocks[len(r.blocks)-1].height
	}
	return s
}

// percentile of sorted durations (nearest rank).
func percentile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.5) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func report(w io.Writer, results []result, asJSON bool) error {
	var sums []summary
	for _, r := range results {
		sums = append(sums, summarize(r))
	}
	if asJSON {
		enc := json.NewEncoder(w)
		for _, s := range sums {
			if err := enc.Encode(s); err != nil {
				return err
			}
		}
		return nil
	}
	for _, s := range sums {
		fmt.Fprintf(w, "%-9s N=%d  included in %.2fs  -> %.1f tx/s  (inclusion latency p50 %d ms, p99 %d ms; %d blocks)",
			s.Kind+":", s.Txs, s.Seconds, s.TPS, s.P50LatencyMs, s.P99LatencyMs, s.Blocks)
		if s.FollowerLag >= 0 {
			fmt.Fprintf(w, "  full node %.2fs behind", s.FollowerLag)
		}
		fmt.Fprintln(w)
	}
	if len(sums) == 2 {
		fmt.Fprintf(w, "ratio %s/%s: %.2f\n", sums[1].Kind, sums[0].Kind, sums[1].TPS/sums[0].TPS)
	}
	return nil
}

// printDetails writes the per-block breakdown of a phase to stderr.
func printDetails(r result) {
	var blocks []string
	for _, b := range r.blocks {
		blocks = append(blocks, fmt.Sprintf("#%d:%d/%dms", b.height, b.txs, b.lag.Milliseconds()))
	}
	fmt.Fprintf(os.Stderr, "%s: CheckTx accepted %d txs in %.2fs (%.1f tx/s), slowest answer %d ms; %d block(s) [height:txs/commit lag] %s\n",
		r.name, r.sent, r.broadcast.Seconds(), float64(r.sent)/r.broadcast.Seconds(), r.slowestAnswer.Milliseconds(), len(r.blocks), strings.Join(blocks, " "))
}
