package cmd

import (
	"encoding/json"
	"fmt"

	"github.com/cometbft/cometbft/privval"
	"github.com/cosmos/cosmos-sdk/client"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/spf13/cobra"

	"github.com/milkyway-labs/milkyway-rollup/app"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

// initCmd is the SDK's init followed by writing this node's consensus key
// into genesis as the sequencer, so `init` + `start --rollkit.aggregator`
// is a working one-node chain. Full nodes replace the genesis file with the
// sequencer's afterwards.
func initCmd(mbm module.BasicManager) *cobra.Command {
	cmd := genutilcli.InitCmd(mbm, DefaultNodeHome)
	cmd.Long = `Initialize the node's configuration, keys and a genesis file in which this
node's consensus key (config/priv_validator_key.json) is the sequencer, and
the sequencer is the operator of a "sequencing" service (governed by gov)
whose restaked stake answers for sequencer equivocation.

A full node runs init too, then replaces config/genesis.json with the
sequencer's genesis file.`
	sdkInit := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := sdkInit(cmd, args); err != nil {
			return err
		}
		return setSequencerFromNodeKey(cmd, args[0])
	}
	return cmd
}

// setSequencerFromNodeKey writes the node's priv_validator key into the
// sequencer genesis, the consensus validators and the staking/fee denoms.
func setSequencerFromNodeKey(cmd *cobra.Command, moniker string) error {
	clientCtx := client.GetClientContextFromCmd(cmd)
	cfg := server.GetServerContextFromCmd(cmd).Config
	cfg.SetRoot(clientCtx.HomeDir)

	pv := privval.LoadFilePVEmptyState(cfg.PrivValidatorKeyFile(), cfg.PrivValidatorStateFile())
	pk, err := cryptocodec.FromCmtPubKeyInterface(pv.Key.PubKey)
	if err != nil {
		return fmt.Errorf("reading %s: %w", cfg.PrivValidatorKeyFile(), err)
	}
	seq, err := sequencertypes.NewSequencer(moniker, pk)
	if err != nil {
		return err
	}

	genFile := cfg.GenesisFile()
	appGenesis, err := genutiltypes.AppGenesisFromFile(genFile)
	if err != nil {
		return fmt.Errorf("reading %s: %w", genFile, err)
	}
	var state map[string]json.RawMessage
	if err := json.Unmarshal(appGenesis.AppState, &state); err != nil {
		return err
	}
	cdc := clientCtx.Codec
	// Keep the rest of the module's default genesis (the forced-inclusion
	// lane); only the sequencer is the node's own.
	seqGenesis := sequencertypes.DefaultGenesis()
	if raw, ok := state[sequencertypes.ModuleName]; ok {
		cdc.MustUnmarshalJSON(raw, seqGenesis)
	}
	seqGenesis.Sequencer = seq
	state[sequencertypes.ModuleName] = cdc.MustMarshalJSON(seqGenesis)
	if err := app.SetGenesisDenoms(cdc, state); err != nil {
		return err
	}
	if err := app.SetSequencingGenesis(cdc, state, moniker, appGenesis.GenesisTime); err != nil {
		return err
	}
	if appGenesis.AppState, err = json.MarshalIndent(state, "", "  "); err != nil {
		return err
	}
	appGenesis.Consensus.Validators = app.SequencerGenesisValidators(pk, moniker)
	return genutil.ExportGenesisFile(appGenesis, genFile)
}
