package cmd

import (
	"fmt"
	"os"

	cmtcfg "github.com/cometbft/cometbft/config"
	cmtjson "github.com/cometbft/cometbft/libs/json"
	"github.com/cometbft/cometbft/privval"
)

// loadConsensusKey reads the node's consensus key (the sequencer's block
// signing key, or a full node's unused one). CometBFT's privval loader
// exits the process without a hint on a bad file and also demands the
// sign-state file, which rollkit never uses; this one returns an error
// that names the file and the fix.
func loadConsensusKey(cfg *cmtcfg.Config) (privval.FilePVKey, error) {
	path := cfg.PrivValidatorKeyFile()
	bz, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return privval.FilePVKey{}, fmt.Errorf("missing %s; run `milkywayd init <moniker>` first", path)
	}
	if err != nil {
		return privval.FilePVKey{}, fmt.Errorf("cannot read the consensus key %s: %w", path, err)
	}
	var key privval.FilePVKey
	if err := cmtjson.Unmarshal(bz, &key); err != nil || key.PrivKey == nil {
		reason := "no priv_key"
		if err != nil {
			reason = err.Error()
		}
		return privval.FilePVKey{}, fmt.Errorf("the consensus key %s is not a valid key file (%s); restore it from a backup (a sequencer must sign with the key in genesis) or, for a full node, run `milkywayd init` on a new home", path, reason)
	}
	key.PubKey = key.PrivKey.PubKey()
	key.Address = key.PubKey.Address()
	return key, nil
}
