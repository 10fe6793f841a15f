package mockda

import (
	"fmt"
	"net"
	"path/filepath"
	"time"
)

const (
	// DefaultListenAddress is where the mock serves JSON-RPC by default
	// (celestia-node light nodes use port 26658; the devnet keeps 7980).
	DefaultListenAddress = "127.0.0.1:7980"

	// DefaultBlockTime is the interval between two mock DA blocks. Real
	// Celestia blocks take several seconds; a short default keeps local
	// rollups responsive.
	DefaultBlockTime = time.Second

	// DefaultMaxBlobSize is the most blob data one blob.Submit may carry,
	// all blobs together: the largest single blob a celestia-node v0.32.1 /
	// celestia-app 9.0.8 network accepted (8,388,221 bytes; one byte more
	// was refused as "tx too large"). The mock has no transaction, so it
	// applies the measured figure to the sum. da/celestia's client sends at
	// most celestia.MaxBlobSize (7 MiB), below this.
	DefaultMaxBlobSize = 8_388_221

	// defaultDataSubdir is where, under Home, the store lives when DataDir
	// is not set.
	defaultDataSubdir = "data/mockda"
)

// Config configures a mock DA Server.
type Config struct {
	// Home is the node home directory; the store goes to Home/data/mockda
	// unless DataDir is set.
	Home string
	// DataDir, when set, is the directory of the pebble store.
	DataDir string
	// ListenAddress is the host:port of the JSON-RPC server. Port 0 picks a
	// free port (see Server.Addr).
	ListenAddress string
	// BlockTime is the interval between DA blocks.
	BlockTime time.Duration
	// MaxBlobSize is the per-submission limit on blob data (all blobs of
	// one blob.Submit together); 0 means DefaultMaxBlobSize.
	MaxBlobSize uint64
}

// DefaultConfig returns a Config with the defaults for home.
func DefaultConfig(home string) Config {
	return Config{
		Home:          home,
		ListenAddress: DefaultListenAddress,
		BlockTime:     DefaultBlockTime,
		MaxBlobSize:   DefaultMaxBlobSize,
	}
}

// withDefaults fills in the optional fields left empty.
func (c Config) withDefaults() Config {
	if c.ListenAddress == "" {
		c.ListenAddress = DefaultListenAddress
	}
	if c.BlockTime == 0 {
		c.BlockTime = DefaultBlockTime
	}
	if c.MaxBlobSize == 0 {
		c.MaxBlobSize = DefaultMaxBlobSize
	}
	if c.DataDir == "" && c.Home != "" {
		c.DataDir = filepath.Join(c.Home, defaultDataSubdir)
	}
	return c
}

// Validate reports the first unusable setting (after defaults are applied).
func (c Config) Validate() error {
	c = c.withDefaults()
	if c.DataDir == "" {
		return fmt.Errorf("%w: either Home or DataDir must be set", ErrInvalidConfig)
	}
	if c.BlockTime < 0 {
		return fmt.Errorf("%w: block time must be positive, got %s", ErrInvalidConfig, c.BlockTime)
	}
	if _, _, err := net.SplitHostPort(c.ListenAddress); err != nil {
		return fmt.Errorf("%w: listen address %q must be host:port: %w", ErrInvalidConfig, c.ListenAddress, err)
	}
	return nil
}
