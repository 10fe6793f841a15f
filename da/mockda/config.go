package mockda

import (
	"fmt"
	"net"
	"path/filepath"
	"time"

	"github.com/celestiaorg/go-square/v2/share"
)

const (
	// DefaultListenAddress is where celestia-node light nodes usually serve
	// the go-da JSON-RPC API, and what rollkit's --rollkit.da_address points to.
	DefaultListenAddress = "127.0.0.1:7980"

	// DefaultBlockTime is the interval between two mock DA blocks. Real
	// Celestia blocks take several seconds; a short default keeps local
	// rollups responsive.
	DefaultBlockTime = time.Second

	// DefaultGovMaxSquareSize is Celestia's default governance limit on the
	// width of the original data square (celestia-app appconsts).
	DefaultGovMaxSquareSize = 64

	// DefaultMaxBlobSize is the largest amount of blob data one submission
	// may carry: a full 64x64 original square of continuation sparse shares,
	// 64*64*482 = 1974272 bytes. celestia-node and go-da's DummyDA advertise
	// the same value, so rollkit sizes its batches as it would on Celestia.
	// (A real PayForBlobs tx also spends some shares on the tx itself, so
	// this is a slight over-estimate, which is fine for a mock.)
	DefaultMaxBlobSize = DefaultGovMaxSquareSize * DefaultGovMaxSquareSize * share.ContinuationSparseShareContentSize

	// SubtreeRootThreshold is the celestia-app constant (appconsts, v1 and
	// later) bounding the number of subtree roots in a share commitment.
	// go-square v2 takes it as a parameter instead of exporting it.
	SubtreeRootThreshold = 64

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
	// MaxBlobSize is the per-submission blob size limit; 0 means
	// DefaultMaxBlobSize.
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
