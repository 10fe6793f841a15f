package app

import (
	"context"
	"encoding/json"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
)

// stakingModule is x/staking with its consensus role removed. Rollkit
// halts on any validator-set change, and the sequencer module already
// reports the one validator, so staking's InitGenesis and EndBlock updates
// are dropped. Its BeginBlocker still runs: IBC's self-client checks read
// the historical info it records.
type stakingModule struct {
	staking.AppModule
}

// InitGenesis initialises staking state and reports no validators.
func (m stakingModule) InitGenesis(ctx sdk.Context, cdc codec.JSONCodec, data json.RawMessage) []abci.ValidatorUpdate {
	_ = m.AppModule.InitGenesis(ctx, cdc, data)
	return nil
}

// EndBlock runs staking's queues (unbonding maturity) and reports no updates.
func (m stakingModule) EndBlock(ctx context.Context) ([]abci.ValidatorUpdate, error) {
	_, err := m.AppModule.EndBlock(ctx)
	return nil, err
}
