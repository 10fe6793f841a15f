package types

import (
	cmtbytes "github.com/cometbft/cometbft/libs/bytes"
	sdk "github.com/cosmos/cosmos-sdk/types"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
)

// DenomTraceReader reads the ICS-20 denom traces the transfer module
// records when it first mints a voucher. ibc-go's transfer keeper
// implements it; x/assets only reads it, for queries.
type DenomTraceReader interface {
	// GetDenomTrace returns the trace whose SHA-256 is denomTraceHash (the
	// hash of an "ibc/HASH" denom); found is false if the transfer module
	// never recorded it.
	GetDenomTrace(ctx sdk.Context, denomTraceHash cmtbytes.HexBytes) (trace transfertypes.DenomTrace, found bool)
}
