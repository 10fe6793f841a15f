package types_test

import (
	"testing"

	errorsmod "cosmossdk.io/errors"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/restakehooks/types"
	restakingtypes "github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

func TestReceivedDenom(t *testing.T) {
	// The source chain sent on its channel-7; this chain's end is channel-0.
	packet := channeltypes.Packet{SourcePort: "transfer", SourceChannel: "channel-7", DestinationPort: "transfer", DestinationChannel: "channel-0"}
	tests := []struct {
		name        string
		packetDenom string
		exp         string
	}{
		// transfer/channel-0/uatom is ATOM on Osmosis: a well-known hash.
		{name: "native of the source: voucher", packetDenom: "uatom", exp: "ibc/27394FB092D2ECCD56123C74F36E4C1F926001CEADA9CA97EA622B25F41E5EB2"},
		{name: "voucher of a third chain: longer trace", packetDenom: "transfer/channel-3/utia",
			exp: transfertypes.ParseDenomTrace("transfer/channel-0/transfer/channel-3/utia").IBCDenom()},
		{name: "our native coming home", packetDenom: "transfer/channel-7/umilk", exp: "umilk"},
		{name: "third-chain voucher coming home", packetDenom: "transfer/channel-7/transfer/channel-2/utia",
			exp: transfertypes.ParseDenomTrace("transfer/channel-2/utia").IBCDenom()},
		{name: "prefix of another channel is not home", packetDenom: "transfer/channel-70/umilk",
			exp: transfertypes.ParseDenomTrace("transfer/channel-0/transfer/channel-70/umilk").IBCDenom()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.exp, types.ReceivedDenom(packet, tc.packetDenom))
		})
	}
}

func TestNewErrorAcknowledgement(t *testing.T) {
	tests := []struct {
		name string
		err  error
		exp  string
	}{
		{name: "ours, wrapped details left out", err: errorsmod.Wrapf(types.ErrUnknownTargetType, "%q", "validator"),
			exp: "ABCI error: restakehooks/4: restake memo names an unknown target type"},
		{name: "restaking's", err: errorsmod.Wrapf(restakingtypes.ErrTargetNotActive, "operator %d is %s", 2, "INACTIVE"),
			exp: "ABCI error: restaking/7: delegation target is not active"},
		{name: "twice wrapped", err: errorsmod.Wrap(errorsmod.Wrap(sdkerrors.ErrInsufficientFunds, "a"), "b"),
			exp: "ABCI error: sdk/5: insufficient funds"},
		{name: "unregistered", err: errorsmod.Wrap(errorsmod.Wrap(errUnregistered, "x"), "y"),
			exp: "ABCI error: undefined/1: internal error"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ack := types.NewErrorAcknowledgement(tc.err)
			require.False(t, ack.Success())
			require.NoError(t, ack.ValidateBasic())
			require.Equal(t, tc.exp, ack.GetError())
		})
	}
}

var errUnregistered = errorString("plain")

type errorString string

func (e errorString) Error() string { return string(e) }
