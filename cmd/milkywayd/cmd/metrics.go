package cmd

import (
	"context"
	"fmt"
	"net"
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"
	cmtypes "github.com/cometbft/cometbft/types"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/da/celestia"
	"github.com/milkyway-labs/milkyway-rollup/da/gateway"
	"github.com/milkyway-labs/milkyway-rollup/rollupnode"
)

// CometBFT keeps these in config.toml's [instrumentation]; the flags set
// the same keys (flag > config.toml), as --rpc.laddr does for [rpc].
const (
	flagPrometheus     = "instrumentation.prometheus"
	flagPrometheusAddr = "instrumentation.prometheus_listen_addr"
)

func addMetricsFlags(cmd *cobra.Command) {
	def := cmtcfg.DefaultInstrumentationConfig()
	cmd.Flags().Bool(flagPrometheus, def.Prometheus,
		"serve Prometheus metrics (rollkit's sequencer_*, mempool_*, state_*; this node's rollup_* and da_*) at GET /metrics on --"+flagPrometheusAddr)
	cmd.Flags().String(flagPrometheusAddr, def.PrometheusListenAddr, "address of the Prometheus metrics listener (host:port)")
}

// checkMetricsConfig refuses a listen address rollkit could not serve on,
// before anything starts: rollkit would only log the failure.
func checkMetricsConfig(cfg *cmtcfg.InstrumentationConfig) error {
	if !cfg.Prometheus {
		return nil
	}
	if _, _, err := net.SplitHostPort(cfg.PrometheusListenAddr); err != nil {
		return fmt.Errorf("--%s %q must be host:port (e.g. :26660): %v", flagPrometheusAddr, cfg.PrometheusListenAddr, err)
	}
	ln, err := net.Listen("tcp", cfg.PrometheusListenAddr)
	if err != nil {
		return fmt.Errorf("--%s %s cannot be used: %v; pick a free port or turn metrics off", flagPrometheusAddr, cfg.PrometheusListenAddr, err)
	}
	return ln.Close()
}

// nodeMetrics registers the rollup and DA metrics next to rollkit's (which
// rollkit serves from Prometheus' default registry) and starts what keeps
// them current. With metrics off they go to a registry nobody serves.
type nodeMetrics struct {
	reg       prometheus.Registerer
	namespace string
	labels    prometheus.Labels
}

func newNodeMetrics(cfg *cmtcfg.InstrumentationConfig, chainID string) nodeMetrics {
	reg := prometheus.Registerer(prometheus.NewRegistry())
	if cfg.Prometheus {
		reg = prometheus.DefaultRegisterer
	}
	return nodeMetrics{reg: reg, namespace: cfg.Namespace, labels: prometheus.Labels{"chain_id": chainID}}
}

// watchGateway records the DA traffic and polls the DA head every
// interval for the sync lag.
func (m nodeMetrics) watchGateway(ctx context.Context, gw *gateway.Gateway, upstream *celestia.Client, interval time.Duration) {
	gw.SetMetrics(gateway.NewMetrics(m.reg, m.namespace, m.labels))
	go gw.PollHead(ctx, max(interval, time.Second), func(ctx context.Context) (uint64, error) {
		h, err := upstream.NetworkHead(ctx)
		return h.Height, err
	})
}

// watchNode exports the node's status and measures the blocks it executes.
func (m nodeMetrics) watchNode(ctx context.Context, status rollupnode.StatusSource, bus *cmtypes.EventBus) error {
	if err := rollupnode.RegisterStatusMetrics(m.reg, m.namespace, m.labels, status); err != nil {
		return err
	}
	return rollupnode.NewBlockMetrics(m.reg, m.namespace, m.labels).Watch(ctx, bus)
}
