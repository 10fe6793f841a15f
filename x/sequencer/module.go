package sequencer

import (
	"context"
	"encoding/json"
	"fmt"

	"cosmossdk.io/core/appmodule"
	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/grpc-ecosystem/grpc-gateway/runtime"

	"github.com/milkyway-labs/milkyway-rollup/x/sequencer/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/sequencer/types"
)

var (
	_ module.AppModuleBasic      = AppModule{}
	_ module.HasServices         = AppModule{}
	_ appmodule.AppModule        = AppModule{}
	_ module.HasABCIGenesis      = AppModule{}
	_ module.HasGenesisBasics    = AppModule{}
	_ module.HasName             = AppModule{}
	_ module.HasConsensusVersion = AppModule{}
)

// ConsensusVersion is the module's state version, bumped by migrations.
const ConsensusVersion = 1

// AppModule is the sequencer module: it owns the genesis sequencer key and
// is the only module that reports a validator to the consensus engine.
type AppModule struct {
	cdc    codec.Codec
	keeper keeper.Keeper
}

// NewAppModule creates the module.
func NewAppModule(cdc codec.Codec, k keeper.Keeper) AppModule {
	return AppModule{cdc: cdc, keeper: k}
}

// Name returns the module name.
func (AppModule) Name() string { return types.ModuleName }

// IsOnePerModuleType marks the module as one per type.
func (AppModule) IsOnePerModuleType() {}

// IsAppModule marks this as an app module.
func (AppModule) IsAppModule() {}

// ConsensusVersion returns the state version.
func (AppModule) ConsensusVersion() uint64 { return ConsensusVersion }

// RegisterLegacyAminoCodec is a no-op: the module has no amino types.
func (AppModule) RegisterLegacyAminoCodec(*codec.LegacyAmino) {}

// RegisterInterfaces is a no-op: the module has no Msgs.
func (AppModule) RegisterInterfaces(codectypes.InterfaceRegistry) {}

// RegisterGRPCGatewayRoutes exposes the query over REST.
func (AppModule) RegisterGRPCGatewayRoutes(clientCtx client.Context, mux *runtime.ServeMux) {
	if err := types.RegisterQueryHandlerClient(context.Background(), mux, types.NewQueryClient(clientCtx)); err != nil {
		panic(err)
	}
}

// RegisterServices registers the query server.
func (am AppModule) RegisterServices(cfg module.Configurator) {
	types.RegisterQueryServer(cfg.QueryServer(), am.keeper)
}

// DefaultGenesis returns an empty genesis: init fills in the node's key.
func (am AppModule) DefaultGenesis(cdc codec.JSONCodec) json.RawMessage {
	return cdc.MustMarshalJSON(types.DefaultGenesis())
}

// ValidateGenesis checks the sequencer key.
func (am AppModule) ValidateGenesis(cdc codec.JSONCodec, _ client.TxEncodingConfig, bz json.RawMessage) error {
	var gs types.GenesisState
	if err := cdc.UnmarshalJSON(bz, &gs); err != nil {
		return fmt.Errorf("failed to unmarshal %s genesis state: %w", types.ModuleName, err)
	}
	return gs.Validate()
}

// InitGenesis stores the sequencer and returns it as the one validator.
func (am AppModule) InitGenesis(ctx sdk.Context, cdc codec.JSONCodec, bz json.RawMessage) []abci.ValidatorUpdate {
	var gs types.GenesisState
	cdc.MustUnmarshalJSON(bz, &gs)
	updates, err := am.keeper.InitGenesis(ctx, &gs)
	if err != nil {
		panic(fmt.Errorf("sequencer genesis: %w", err))
	}
	return updates
}

// ExportGenesis exports the sequencer.
func (am AppModule) ExportGenesis(ctx sdk.Context, cdc codec.JSONCodec) json.RawMessage {
	gs, err := am.keeper.ExportGenesis(ctx)
	if err != nil {
		panic(err)
	}
	return cdc.MustMarshalJSON(gs)
}
