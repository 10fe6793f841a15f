package liquidvesting

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v8/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v8/modules/core/exported"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/keeper"
	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// IBCMiddleware wraps the ICS-20 transfer application. A received transfer
// whose memo carries {"liquidvesting": ...} is an insurance deposit: it is
// checked, handed to transfer (which credits the module account), and then
// credited to the depositors' funds. Any failure returns an error
// acknowledgement; IBC core then discards the packet's state changes and
// the sending chain refunds the sender. Other packets pass through
// untouched, and every other callback goes straight to transfer.
type IBCMiddleware struct {
	TransferApp
	keeper *keeper.Keeper
}

// TransferApp is what the middleware wraps: ibc-go's transfer IBCModule or
// a stack on top of it. It keeps channel upgrades and packet-data
// unmarshalling so a middleware above this one can pass them on too.
type TransferApp interface {
	porttypes.IBCModule
	porttypes.UpgradableModule
	porttypes.PacketDataUnmarshaler
}

var _ TransferApp = IBCMiddleware{}

// NewIBCMiddleware wraps app (the transfer module's IBC application).
func NewIBCMiddleware(app TransferApp, k *keeper.Keeper) IBCMiddleware {
	return IBCMiddleware{TransferApp: app, keeper: k}
}

// OnRecvPacket credits insurance deposits; see the type comment.
func (im IBCMiddleware) OnRecvPacket(ctx sdk.Context, packet channeltypes.Packet, relayer sdk.AccAddress) ibcexported.Acknowledgement {
	var data transfertypes.FungibleTokenPacketData
	if err := transfertypes.ModuleCdc.UnmarshalJSON(packet.GetData(), &data); err != nil {
		return im.TransferApp.OnRecvPacket(ctx, packet, relayer)
	}
	memo, isDeposit, err := types.ParseDepositMemo(data.Memo)
	if !isDeposit {
		return im.TransferApp.OnRecvPacket(ctx, packet, relayer)
	}
	if err != nil {
		return channeltypes.NewErrorAcknowledgement(err)
	}
	denom, amount, err := im.keeper.CheckDeposit(ctx, packet, data, memo)
	if err != nil {
		return channeltypes.NewErrorAcknowledgement(err)
	}
	before := im.keeper.ModuleBalance(ctx, denom)
	ack := im.TransferApp.OnRecvPacket(keeper.WithDepositing(ctx), packet, relayer)
	if !ack.Success() {
		return ack
	}
	// Belt and braces: credit funds only with what actually arrived.
	if got := im.keeper.ModuleBalance(ctx, denom).Sub(before); !got.Equal(amount) {
		return channeltypes.NewErrorAcknowledgement(types.ErrDepositMismatch.Wrapf("module account received %s%s, memo says %s", got, denom, amount))
	}
	if err := im.keeper.CreditDeposit(ctx, packet.GetDestChannel(), denom, memo); err != nil {
		return channeltypes.NewErrorAcknowledgement(err)
	}
	return ack
}
