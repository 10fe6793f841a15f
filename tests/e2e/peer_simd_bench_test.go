package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// peerSimd is ibc-go v8.8.0's testing simd on CometBFT, one validator: the
// chain a user would run instead of the rollup, for BenchmarkSustained.
type peerSimd struct {
	b             *testing.B
	bin, home     string
	rpc, chainID  string
	cmd           *exec.Cmd
	logPath       string
	stopped       bool
	genesisTokens string
}

// startPeerSimd initialises a one-validator simd whose alice and bob hold
// stake, with the rollup benchmark's block time (timeout_commit) and
// JSON-RPC batch limit, and returns once it has a block.
func startPeerSimd(b *testing.B, bin, blockTime string) *peerSimd {
	b.Helper()
	p := &peerSimd{b: b, bin: bin, home: filepath.Join(b.TempDir(), "simd"), rpc: freeAddr(b), chainID: "peer-1",
		genesisTokens: "1000000000000000stake"}
	p.cli("init", "validator", "--chain-id", p.chainID)
	for _, k := range []string{"validator", "alice", "bob"} {
		p.cli("keys", "add", k, "--keyring-backend", "test")
		addr := strings.TrimSpace(p.cli("keys", "show", k, "-a", "--keyring-backend", "test"))
		p.cli("genesis", "add-genesis-account", addr, p.genesisTokens)
	}
	p.cli("genesis", "gentx", "validator", "100000000000stake", "--chain-id", p.chainID, "--keyring-backend", "test")
	p.cli("genesis", "collect-gentxs")

	path := filepath.Join(p.home, "config", "config.toml")
	bz, err := os.ReadFile(path)
	require.NoError(b, err)
	cfg := strings.Replace(string(bz), `timeout_commit = "5s"`, `timeout_commit = "`+blockTime+`"`, 1)
	cfg = strings.Replace(cfg, `pprof_laddr = "localhost:6060"`, `pprof_laddr = ""`, 1)
	cfg = strings.Replace(cfg, `max_request_batch_size = 10`, `max_request_batch_size = 64`, 1)
	require.NoError(b, os.WriteFile(path, []byte(cfg), 0o600))

	p.logPath = filepath.Join(p.home, "simd.log")
	p.cmd, err = nodetest.Start(bin, p.logPath, "start", "--home", p.home, "--rpc.laddr", "tcp://"+p.rpc,
		"--p2p.laddr", "tcp://"+freeAddr(b), "--grpc.address", freeAddr(b), "--log_no_color")
	require.NoError(b, err)
	b.Cleanup(p.stop)
	waitFor(b, 60*time.Second, "simd to produce block 2", func() bool { return nodetest.Height(p.rpc) >= 2 })
	return p
}

func (p *peerSimd) cli(args ...string) string {
	p.b.Helper()
	out, err := exec.Command(p.bin, append(args, "--home", p.home)...).CombinedOutput()
	require.NoError(p.b, err, "simd %s: %s", strings.Join(args, " "), out)
	return string(out)
}

func (p *peerSimd) stop() {
	if p.stopped || p.cmd == nil {
		return
	}
	p.stopped = true
	nodetest.Stop(p.cmd, syscall.SIGTERM, 20*time.Second)
}
