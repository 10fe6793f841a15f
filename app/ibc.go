package app

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	paramtypes "github.com/cosmos/cosmos-sdk/x/params/types"
	"github.com/cosmos/ibc-go/v8/modules/apps/transfer"
	ibctransfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	porttypes "github.com/cosmos/ibc-go/v8/modules/core/05-port/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting"
)

// setIBCRouter routes IBC packets to their applications. ICS-20 transfer
// is the only one for now; restake-on-arrival hooks will wrap it.
func (app *App) setIBCRouter() {
	router := porttypes.NewRouter()
	router.AddRoute(ibctransfertypes.ModuleName, liquidvesting.NewIBCMiddleware(transfer.NewIBCModule(app.TransferKeeper), app.LiquidVestingKeeper))
	app.IBCKeeper.SetRouter(router)
}

// noLegacyParams stands in for the x/params subspaces ibc-go still takes.
// They are read only by migrations from ibc-go v6 and older, which a chain
// born on v8 never runs; reaching it is a programming error.
type noLegacyParams struct{}

// GetParamSet panics: see the type comment.
func (noLegacyParams) GetParamSet(sdk.Context, paramtypes.ParamSet) {
	panic(fmt.Errorf("x/params is not part of this chain: legacy IBC param migrations cannot run"))
}
