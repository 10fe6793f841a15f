package app_test

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

// startedApp is the wired app on an in-memory DB after InitChain (default
// genesis with a sequencer key derived from the chain id, then the edits)
// and one committed block.
func startedApp(t *testing.T, chainID string, edits ...func(*app.App, map[string]json.RawMessage)) (*app.App, time.Time) {
	t.Helper()
	return startedAppWith(t, chainID, nil, edits...)
}

// startedAppWith is startedApp with BaseApp options made for its database.
func startedAppWith(t *testing.T, chainID string, options func(dbm.DB) []func(*baseapp.BaseApp),
	edits ...func(*app.App, map[string]json.RawMessage),
) (*app.App, time.Time) {
	t.Helper()
	db := dbm.NewMemDB()
	opts := []func(*baseapp.BaseApp){baseapp.SetChainID(chainID)}
	if options != nil {
		opts = append(opts, options(db)...)
	}
	a := app.New(log.NewNopLogger(), db, nil, true, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()), opts...)
	pk := ed25519.GenPrivKeyFromSecret([]byte(chainID)).PubKey() // one chain id, one genesis
	seq, err := sequencertypes.NewSequencer("seq", pk)
	require.NoError(t, err)
	state := a.DefaultGenesis()
	state[sequencertypes.ModuleName] = a.AppCodec().MustMarshalJSON(&sequencertypes.GenesisState{Sequencer: seq})
	require.NoError(t, app.SetGenesisDenoms(a.AppCodec(), state))
	for _, edit := range edits {
		edit(a, state)
	}
	stateBytes, err := json.Marshal(state)
	require.NoError(t, err)
	update, err := sequencerkeeper.ValidatorUpdate(seq)
	require.NoError(t, err)
	genesisTime := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	_, err = a.InitChain(&abci.RequestInitChain{ChainId: chainID, Time: genesisTime, InitialHeight: 1,
		AppStateBytes: stateBytes, Validators: []abci.ValidatorUpdate{update}, ConsensusParams: simtestutil.DefaultConsensusParams})
	require.NoError(t, err)
	_, err = a.FinalizeBlock(&abci.RequestFinalizeBlock{Height: 1, Time: genesisTime.Add(time.Second), ProposerAddress: pk.Address()})
	require.NoError(t, err)
	_, err = a.Commit()
	require.NoError(t, err)
	return a, genesisTime
}
