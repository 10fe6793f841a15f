package rollupnode

import (
	"context"
	"time"

	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/prometheus/client_golang/prometheus"
)

// MetricsSubsystem prefixes the node's rollup metrics:
// <namespace>_rollup_<name>. Rollkit's own metrics (sequencer_height,
// sequencer_num_txs, mempool_size, state_block_processing_time, ...) and
// the DA gateway's (da_*) are served next to them.
const MetricsSubsystem = "rollup"

// RegisterStatusMetrics exports the node's Status as gauges read at scrape
// time, so they are never stale: the DA-included height, the blocks
// waiting for the DA (sequencer) and the fraud halt (full node).
func RegisterStatusMetrics(reg prometheus.Registerer, namespace string, labels prometheus.Labels, src StatusSource) error {
	gauge := func(name, help string, value func(Status) float64) prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{
			Namespace: namespace, Subsystem: MetricsSubsystem, Name: name, Help: help, ConstLabels: labels,
		}, func() float64 { return value(src.Status(context.Background())) })
	}
	for _, c := range []prometheus.Collector{
		gauge("latest_height", "Last block this node executed and stored.",
			func(s Status) float64 { return float64(s.LatestHeight) }),
		gauge("da_included_height", "Highest block known to be on the DA layer.",
			func(s Status) float64 { return float64(s.DAIncludedHeight) }),
		gauge("pending_blocks", "Blocks produced but not yet on the DA layer (sequencer).",
			func(s Status) float64 { return float64(s.PendingBlocks) }),
		gauge("fraud_halted", "1 when this node found sequencer fraud and stopped following it.",
			func(s Status) float64 { return boolFloat(s.FraudHalt != nil) }),
		gauge("fraud_halt_height", "Height at which the node stopped following the sequencer (0: following).",
			func(s Status) float64 {
				if s.FraudHalt == nil {
					return 0
				}
				return float64(s.FraudHalt.HaltHeight)
			}),
	} {
		if err := reg.Register(c); err != nil {
			return err
		}
	}
	return nil
}

func boolFloat(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// BlockMetrics are measured from the blocks the node executes.
type BlockMetrics struct {
	Blocks   prometheus.Counter
	Interval prometheus.Histogram
	Txs      prometheus.Histogram
}

// NewBlockMetrics creates and registers the block metrics.
func NewBlockMetrics(reg prometheus.Registerer, namespace string, labels prometheus.Labels) *BlockMetrics {
	m := &BlockMetrics{
		Blocks: prometheus.NewCounter(prometheus.CounterOpts{Namespace: namespace, Subsystem: MetricsSubsystem, Name: "blocks_total",
			Help: "Blocks executed by this node since it started (produced, on the sequencer).", ConstLabels: labels}),
		Interval: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: namespace, Subsystem: MetricsSubsystem, Name: "block_interval_seconds",
			Help: "Time between consecutive block headers (the chain's block time).", ConstLabels: labels,
			Buckets: prometheus.ExponentialBuckets(0.05, 2, 10)}),
		Txs: prometheus.NewHistogram(prometheus.HistogramOpts{Namespace: namespace, Subsystem: MetricsSubsystem, Name: "block_txs",
			Help: "Transactions per block.", ConstLabels: labels, Buckets: []float64{0, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}}),
	}
	reg.MustRegister(m.Blocks, m.Interval, m.Txs)
	return m
}

// Watch records every block the event bus publishes until ctx ends.
func (m *BlockMetrics) Watch(ctx context.Context, bus *cmtypes.EventBus) error {
	sub, err := bus.Subscribe(ctx, "rollup-metrics", cmtypes.EventQueryNewBlock, 100)
	if err != nil {
		return err
	}
	go func() {
		var last time.Time
		for {
			select {
			case <-ctx.Done():
				return
			case <-sub.Canceled():
				return
			case msg := <-sub.Out():
				ev, ok := msg.Data().(cmtypes.EventDataNewBlock)
				if !ok || ev.Block == nil {
					continue
				}
				m.Blocks.Inc()
				m.Txs.Observe(float64(len(ev.Block.Txs)))
				if t := ev.Block.Time; !last.IsZero() && t.After(last) {
					m.Interval.Observe(t.Sub(last).Seconds())
				}
				last = ev.Block.Time
			}
		}
	}()
	return nil
}
