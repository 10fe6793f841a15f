package keeper

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// InsuranceFundsInvariant checks that the module account holds exactly
// the sum of the users' insurance funds: every underlying denom it holds
// belongs to some fund, and no locked token stays in it (they pass
// through only to be burned).
func (k *Keeper) InsuranceFundsInvariant(ctx context.Context) (string, bool) {
	total, err := k.TotalInsuranceFunds(ctx)
	if err != nil {
		return sdk.FormatInvariant(types.ModuleName, "insurance-funds", err.Error()), true
	}
	held := k.bank.GetAllBalances(ctx, k.moduleAddr)
	if !held.Equal(total) {
		return sdk.FormatInvariant(types.ModuleName, "insurance-funds",
			fmt.Sprintf("module account holds %s, users' funds sum to %s", held, total)), true
	}
	return sdk.FormatInvariant(types.ModuleName, "insurance-funds", "module account equals the sum of funds"), false
}
