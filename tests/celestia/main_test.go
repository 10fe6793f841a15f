//go:build celestia

// Package celestiae2e runs milkywayd against a real local Celestia network:
// a celestia-app validator and a celestia-node bridge started by
// scripts/celestia/network.sh. It is opt-in (build tag "celestia") and run
// by `make test-celestia`, which builds the Celestia binaries and starts and
// stops the network around it. See docs/celestia.md.
package celestiae2e

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/milkyway-labs/milkyway-rollup/tests/nodetest"
)

// binary is the milkywayd built once by TestMain.
var binary string

// network is what scripts/celestia/network.sh wrote to network.env.
var network map[string]string

func TestMain(m *testing.M) {
	env, err := loadNetworkEnv()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%v\nstart the network first: scripts/celestia/network.sh up (or run `make test-celestia`)\n", err)
		os.Exit(1)
	}
	network = env
	var remove func()
	binary, remove, err = nodetest.BuildMilkywayd("milkywayd-celestia")
	if err != nil {
		fmt.Fprintln(os.Stderr, "building milkywayd:", err)
		os.Exit(1)
	}
	code := m.Run()
	remove()
	os.Exit(code)
}

// loadNetworkEnv reads network.env from $CELESTIA_NETWORK_ENV, or where
// network.sh writes it by default.
func loadNetworkEnv() (map[string]string, error) {
	path := os.Getenv("CELESTIA_NETWORK_ENV")
	if path == "" {
		net := os.Getenv("CELESTIA_NET")
		if net == "" {
			cache := os.Getenv("CELESTIA_CACHE")
			if cache == "" {
				base := os.Getenv("XDG_CACHE_HOME")
				if base == "" {
					home, _ := os.UserHomeDir()
					base = filepath.Join(home, ".cache")
				}
				cache = filepath.Join(base, "milkyway-rollup", "celestia")
			}
			net = filepath.Join(cache, "net")
		}
		path = filepath.Join(net, "network.env")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("no Celestia network description: %w", err)
	}
	defer f.Close()
	env := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), "="); ok {
			env[k] = v
		}
	}
	for _, k := range []string{"CELESTIA_RPC", "CELESTIA_ADMIN_TOKEN", "CELESTIA_READ_TOKEN", "CELESTIA_NETWORK_SCRIPT"} {
		if env[k] == "" {
			return nil, fmt.Errorf("%s: %s missing", path, k)
		}
	}
	return env, sc.Err()
}
