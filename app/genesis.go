package app

import (
	"encoding/json"
	"fmt"

	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	sequencerkeeper "github.com/milkyway-labs/milkyway-rollup/x/sequencer/keeper"
)

// InitChainer initialises every module from the genesis file in
// initGenesisOrder and records the module versions for future upgrades.
func (app *App) InitChainer(ctx sdk.Context, req *abci.RequestInitChain) (*abci.ResponseInitChain, error) {
	var state map[string]json.RawMessage
	if err := json.Unmarshal(req.AppStateBytes, &state); err != nil {
		return nil, fmt.Errorf("genesis app_state is not valid JSON: %w", err)
	}
	if err := app.UpgradeKeeper.SetModuleVersionMap(ctx, app.ModuleManager.GetVersionMap()); err != nil {
		return nil, err
	}
	return app.ModuleManager.InitGenesis(ctx, app.appCodec, state)
}

// SequencerGenesisValidators is the consensus validator list of a genesis
// file or export: the sequencer alone, with the power x/sequencer reports.
func SequencerGenesisValidators(pk cryptotypes.PubKey, name string) []cmttypes.GenesisValidator {
	cmtPk, err := cryptocodec.ToCmtPubKeyInterface(pk)
	if err != nil {
		panic(err)
	}
	return []cmttypes.GenesisValidator{{
		Address: cmtPk.Address(),
		PubKey:  cmtPk,
		Power:   sequencerkeeper.SequencerPower,
		Name:    name,
	}}
}
