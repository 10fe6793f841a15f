package ibc

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

const (
	simdChainID = "lst-1"
	// lstDenom is the simd chain's stand-in for a liquid staking token.
	lstDenom = "ustTIA"
)

// startSimd initialises and starts a one-validator chain of ibc-go's
// testing simd whose keys each hold ustTIA and stake (its fee and bond
// denom), and returns once it has a block.
func startSimd(t *testing.T, root string, keys ...string) *chain {
	t.Helper()
	home := filepath.Join(root, "simd")
	c := &chain{t: t, name: "lst", chainID: simdChainID, bin: simd, home: home,
		rpc: nodetest.FreeAddr(t), fees: "3000stake", prefix: "cosmos"}
	c.cli("init", "validator", "--chain-id", simdChainID, "--home", home)
	valAddr, _ := c.addKey("validator")
	c.cli("genesis", "add-genesis-account", valAddr, "1000000000000stake", "--home", home)
	for _, k := range keys {
		addr, _ := c.addKey(k)
		c.cli("genesis", "add-genesis-account", addr, "1000000000stake,1000000000"+lstDenom, "--home", home)
	}
	c.cli("genesis", "gentx", "validator", "100000000000stake", "--chain-id", simdChainID,
		"--keyring-backend", "test", "--home", home)
	c.cli("genesis", "collect-gentxs", "--home", home)

	// One-second blocks keep relaying quick; pprof's fixed default port
	// would collide with a second simd.
	path := filepath.Join(home, "config", "config.toml")
	bz, err := os.ReadFile(path)
	require.NoError(t, err)
	cfg := strings.Replace(string(bz), `timeout_commit = "5s"`, `timeout_commit = "1s"`, 1)
	cfg = strings.Replace(cfg, `pprof_laddr = "localhost:6060"`, `pprof_laddr = ""`, 1)
	require.NoError(t, os.WriteFile(path, []byte(cfg), 0o600))

	// gRPC stays on (on a free port): SDK v0.50's start registers the tx
	// service, whose Simulate the relayer calls as an ABCI query, only when
	// gRPC or REST is enabled.
	startProcess(t, root, "simd", simd, "start", "--home", home, "--rpc.laddr", "tcp://"+c.rpc,
		"--p2p.laddr", "tcp://"+nodetest.FreeAddr(t), "--grpc.address", nodetest.FreeAddr(t), "--log_no_color")
	nodetest.WaitFor(t, 60*time.Second, "simd to produce block 1", func() bool { return nodetest.Height(c.rpc) >= 1 })
	return c
}
