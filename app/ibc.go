package app

import (
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	paramtypes "github.com/cosmos/cosmos-sdk/x/params/types"
	"github.com/cosmos/ibc-go/v8/modules/apps/transfer"
	ibctransfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	porttypes "github.com/cosmos/ibc-go/v8/modules/core/05-port/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting"
	"github.com/milkyway-labs/milkyway-rollup/x/restakehooks"
)

// setIBCRouter routes IBC packets to their applications. ICS-20 transfer
// is the only one, wrapped by two middlewares: restake on arrival (a
// {"restake": ...} memo is credited and delegated for the receiver in the
// same packet, or refused) and liquid vesting's insurance deposits.
func (app *App) setIBCRouter() {
	// Innermost first: the transfer module credits the coins, liquid
	// vesting takes {"liquidvesting": ...} insurance deposits to its
	// account, restake hooks delegate {"restake": ...} arrivals. Each
	// passes other memos through untouched.
	transferStack := restakehooks.NewIBCMiddleware(
		liquidvesting.NewIBCMiddleware(transfer.NewIBCModule(app.TransferKeeper), app.LiquidVestingKeeper),
		app.RestakingKeeper)
	router := porttypes.NewRouter()
	router.AddRoute(ibctransfertypes.ModuleName, transferStack)
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
