package rollupnode

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	cmtcrypto "github.com/cometbft/cometbft/crypto"
	cmtypes "github.com/cometbft/cometbft/types"
	rollconf "github.com/rollkit/rollkit/config"
)

// Node roles.
const (
	RoleSequencer = "sequencer"
	RoleFullNode  = "full-node"
)

// ErrConfig marks a start configuration that cannot work.
var ErrConfig = errors.New("invalid node configuration")

// Role names the role a node config runs in.
func Role(cfg rollconf.NodeConfig) string {
	if cfg.Aggregator {
		return RoleSequencer
	}
	return RoleFullNode
}

// CheckConfig validates a node config against the genesis before rollkit
// starts, so that mistakes end in one clear line instead of a halt later.
func CheckConfig(cfg rollconf.NodeConfig, genesis *cmtypes.GenesisDoc, signingKey cmtcrypto.PubKey) error {
	if len(genesis.Validators) != 1 {
		return fmt.Errorf("%w: genesis must list exactly one validator, the sequencer, found %d; run `milkywayd init` on the sequencer and copy its genesis.json", ErrConfig, len(genesis.Validators))
	}
	if cfg.Light {
		return fmt.Errorf("%w: light mode is not supported; run a full node (omit --rollkit.light)", ErrConfig)
	}
	if cfg.DAAddress == "" {
		return fmt.Errorf("%w: --rollkit.da_address is empty; use http://127.0.0.1:7980 for the mock DA or your Celestia light node's RPC address", ErrConfig)
	}
	if cfg.Aggregator {
		seq := genesis.Validators[0]
		if !bytes.Equal(signingKey.Address(), seq.Address) {
			return fmt.Errorf("%w: --rollkit.aggregator needs the genesis sequencer key, but config/priv_validator_key.json is %X and genesis names %X; copy the sequencer's key or run as a full node", ErrConfig, signingKey.Address(), seq.Address.Bytes())
		}
		if cfg.BlockTime < 10*time.Millisecond {
			return fmt.Errorf("%w: --rollkit.block_time %s is too short; use at least 10ms (1s is the default)", ErrConfig, cfg.BlockTime)
		}
		if cfg.LazyAggregator && cfg.LazyBlockTime < cfg.BlockTime {
			return fmt.Errorf("%w: --rollkit.lazy_block_time (%s) must not be shorter than --rollkit.block_time (%s)", ErrConfig, cfg.LazyBlockTime, cfg.BlockTime)
		}
	}
	return nil
}
