package cmd

import (
	"encoding/json"
	"testing"
	"time"

	"cosmossdk.io/log"
	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/app"
	sequencerkeeper "github.com/milkyway-labs/milkyway-rollup/x/sequencer/keeper"
	sequencertypes "github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

const testChainID = "milkyway-recovery-1"

// openApp opens the app on the pebble database in dir.
func openApp(t *testing.T, dir string) (*app.App, dbm.DB) {
	db, err := dbm.NewDB("application", dbm.PebbleDBBackend, dir)
	require.NoError(t, err)
	a := app.New(log.NewNopLogger(), db, nil, true, simtestutil.NewAppOptionsWithFlagHome(dir), baseapp.SetChainID(testChainID))
	return a, db
}

// TestRollbackThenReexecuteGivesTheSameState is the real-app half of crash
// recovery: an app that committed block 3 while rollkit recorded only 2 is
// rolled back to 2 on the real pebble store, reopened, and re-executing
// block 3 yields the same app hash as the first time.
func TestRollbackThenReexecuteGivesTheSameState(t *testing.T) {
	dir := t.TempDir()
	a, db := openApp(t, dir)

	pk := ed25519.GenPrivKey().PubKey()
	seq, err := sequencertypes.NewSequencer("seq", pk)
	require.NoError(t, err)
	state := a.DefaultGenesis()
	state[sequencertypes.ModuleName] = a.AppCodec().MustMarshalJSON(&sequencertypes.GenesisState{Sequencer: seq})
	require.NoError(t, app.SetGenesisDenoms(a.AppCodec(), state))
	stateBytes, err := json.Marshal(state)
	require.NoError(t, err)
	update, err := sequencerkeeper.ValidatorUpdate(seq)
	require.NoError(t, err)
	genesisTime := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	_, err = a.InitChain(&abci.RequestInitChain{
		ChainId: testChainID, Time: genesisTime, InitialHeight: 1, AppStateBytes: stateBytes,
		Validators: []abci.ValidatorUpdate{update}, ConsensusParams: simtestutil.DefaultConsensusParams,
	})
	require.NoError(t, err)

	block := func(a *app.App, h int64) []byte {
		res, err := a.FinalizeBlock(&abci.RequestFinalizeBlock{
			Height: h, Time: genesisTime.Add(time.Duration(h) * time.Second), ProposerAddress: pk.Address(),
		})
		require.NoError(t, err)
		_, err = a.Commit()
		require.NoError(t, err)
		return res.AppHash
	}
	block(a, 1)
	block(a, 2)
	first := block(a, 3)
	require.Equal(t, int64(3), a.LastBlockHeight())

	require.NoError(t, recoverableApp{a}.RollbackToHeight(2))
	require.NoError(t, db.Close())

	a, db = openApp(t, dir)
	defer db.Close()
	require.Equal(t, int64(2), a.LastBlockHeight(), "the rolled-back height survives a reopen")
	require.Equal(t, first, block(a, 3), "re-executing the same block reaches the same state")
}
