package gateway

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// MetricsSubsystem prefixes the gateway's metrics: <namespace>_da_<name>.
const MetricsSubsystem = "da"

// Metrics are what the gateway sees of the DA layer: the sequencer's
// submissions and a full node's reading of the chain namespace.
type Metrics struct {
	// Submissions counts Submit calls by result ("ok", "failed").
	Submissions *prometheus.CounterVec
	// SubmittedBlobs and SubmittedBytes count what the DA accepted, bytes
	// as posted (compressed); SubmittedBlockBytes counts the same blocks
	// before compression, so SubmittedBytes/SubmittedBlockBytes is the
	// compression ratio.
	SubmittedBlobs      prometheus.Counter
	SubmittedBytes      prometheus.Counter
	SubmittedBlockBytes prometheus.Counter
	// SubmissionSeconds is how long the DA took to accept (or refuse) a
	// submission, including the wait for inclusion.
	SubmissionSeconds prometheus.Histogram
	// GasPrice is the blob gas price (utia/gas) of the last submission; -1
	// means the DA node chose it.
	GasPrice prometheus.Gauge
	// ReadHeight is the last DA height read from the chain namespace (a
	// full node's DA sync position).
	ReadHeight prometheus.Gauge
	// HeadHeight is the DA network's head, polled by PollHead.
	HeadHeight prometheus.Gauge
	// RejectedBlobs counts blobs in the chain namespace that are not valid
	// sequencer blocks (left out before rollkit sees them).
	RejectedBlobs prometheus.Counter

	// read and head mirror the two gauges for the lag computed at scrape.
	read, head atomic.Uint64
}

// setRead records a read at DA height h, which also proves the head is at
// least h (the head is polled only every second or so).
func (m *Metrics) setRead(h uint64) {
	m.read.Store(h)
	m.ReadHeight.Set(float64(h))
	m.setHead(h)
}

// setHead raises the head; a poll answered late never lowers it.
func (m *Metrics) setHead(h uint64) {
	for {
		cur := m.head.Load()
		if h <= cur {
			return
		}
		if m.head.CompareAndSwap(cur, h) {
			m.HeadHeight.Set(float64(m.head.Load()))
			return
		}
	}
}

// NewMetrics creates the gateway's metrics and registers them with reg.
// The sync lag (head minus read height) is computed at scrape time.
func NewMetrics(reg prometheus.Registerer, namespace string, labels prometheus.Labels) *Metrics {
	opts := func(name, help string) prometheus.Opts {
		return prometheus.Opts{Namespace: namespace, Subsystem: MetricsSubsystem, Name: name, Help: help, ConstLabels: labels}
	}
	m := &Metrics{
		Submissions:         prometheus.NewCounterVec(prometheus.CounterOpts(opts("submissions_total", "DA submissions by result (ok, failed).")), []string{"result"}),
		SubmittedBlobs:      prometheus.NewCounter(prometheus.CounterOpts(opts("submitted_blobs_total", "Blobs (rollup blocks) the DA accepted."))),
		SubmittedBytes:      prometheus.NewCounter(prometheus.CounterOpts(opts("submitted_bytes_total", "Blob bytes the DA accepted (as posted, compressed)."))),
		SubmittedBlockBytes: prometheus.NewCounter(prometheus.CounterOpts(opts("submitted_block_bytes_total", "Rollup block bytes (before compression) of the blobs the DA accepted."))),
		GasPrice:            prometheus.NewGauge(prometheus.GaugeOpts(opts("submission_gas_price", "Blob gas price of the last submission (utia/gas; -1: chosen by the DA node)."))),
		ReadHeight:          prometheus.NewGauge(prometheus.GaugeOpts(opts("read_height", "Last DA height read from the chain namespace."))),
		HeadHeight:          prometheus.NewGauge(prometheus.GaugeOpts(opts("head_height", "DA network head height."))),
		RejectedBlobs:       prometheus.NewCounter(prometheus.CounterOpts(opts("rejected_blobs_total", "Blobs in the chain namespace that are not valid sequencer blocks."))),
		SubmissionSeconds:   prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: namespace, Subsystem: MetricsSubsystem, Name: "submission_seconds", Help: "Time the DA took to answer a submission.", ConstLabels: labels, Buckets: prometheus.ExponentialBuckets(0.05, 2, 10)}),
	}
	lag := prometheus.NewGaugeFunc(prometheus.GaugeOpts(opts("sync_lag", "DA heights between the network head and the last height read (0 before both are known).")), func() float64 {
		head, read := m.head.Load(), m.read.Load()
		if head == 0 || read == 0 || read >= head {
			return 0
		}
		return float64(head - read)
	})
	reg.MustRegister(m.Submissions, m.SubmittedBlobs, m.SubmittedBytes, m.SubmittedBlockBytes, m.SubmissionSeconds, m.GasPrice,
		m.ReadHeight, m.HeadHeight, m.RejectedBlobs, lag)
	m.Submissions.WithLabelValues("ok")
	m.Submissions.WithLabelValues("failed")
	return m
}

// unregisteredMetrics are the metrics of a gateway whose node does not
// export any: recorded, never served.
func unregisteredMetrics() *Metrics {
	return NewMetrics(prometheus.NewRegistry(), "", nil)
}

// SetMetrics makes the gateway record into m (call before Listen).
func (g *Gateway) SetMetrics(m *Metrics) { g.metrics = m }

// PollHead keeps Metrics.HeadHeight at the DA network's head, asking head
// every interval until ctx ends. Errors leave the last value: the DA being
// away shows as a growing lag once it is back, and in the node's log.
func (g *Gateway) PollHead(ctx context.Context, interval time.Duration, head func(context.Context) (uint64, error)) {
	ticker := time.NewTicker(interval)
	defer ticker.Stop()
	for {
		reqCtx, cancel := context.WithTimeout(ctx, interval)
		if h, err := head(reqCtx); err == nil {
			g.metrics.setHead(h)
		}
		cancel()
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}
