package keeper

import (
	"context"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"

	"github.com/milkyway-labs/milkyway-rollup/x/assets/types"
)

// SetDenomTraceReader lets the queries show where an ibc/HASH denom comes
// from. It is set once while the app is wired (the transfer keeper is
// built after this one); without it the queries show no traces.
func (k *Keeper) SetDenomTraceReader(r types.DenomTraceReader) { k.denomTraces = r }

// IBCTrace returns the denom trace of an ibc/HASH denom; found is false
// for any other denom, a hash that does not parse, a hash the transfer
// module has not recorded, or no reader set.
func (k *Keeper) IBCTrace(ctx context.Context, denom string) (types.IBCTrace, bool) {
	if k.denomTraces == nil || !strings.HasPrefix(denom, types.IBCDenomPrefix) {
		return types.IBCTrace{}, false
	}
	hash, err := transfertypes.ParseHexHash(strings.TrimPrefix(denom, types.IBCDenomPrefix))
	if err != nil {
		return types.IBCTrace{}, false
	}
	trace, found := k.denomTraces.GetDenomTrace(sdk.UnwrapSDKContext(ctx), hash)
	if !found {
		return types.IBCTrace{}, false
	}
	return types.IBCTrace{Denom: denom, Path: trace.Path, BaseDenom: trace.BaseDenom}, true
}
