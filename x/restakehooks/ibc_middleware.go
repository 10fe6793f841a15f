package restakehooks

import (
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
	porttypes "github.com/cosmos/ibc-go/v8/modules/core/05-port/types"
	ibcexported "github.com/cosmos/ibc-go/v8/modules/core/exported"

	"github.com/milkyway-labs/milkyway-rollup/x/restakehooks/types"
)

// TransferApp is the ICS-20 application the middleware wraps: ibc-go's
// transfer IBCModule, or a stack on top of it. Everything but OnRecvPacket
// passes through, channel upgrades and packet-data unmarshalling included.
type TransferApp interface {
	porttypes.IBCModule
	porttypes.UpgradableModule
	porttypes.PacketDataUnmarshaler
}

// IBCMiddleware restakes ICS-20 transfers on arrival: a packet whose memo
// is {"restake": {...}} is credited to its receiver by the wrapped transfer
// app and delegated in the receiver's name, atomically. Other packets pass
// through untouched.
type IBCMiddleware struct {
	TransferApp
	restaking types.RestakingKeeper
}

var _ TransferApp = IBCMiddleware{}

// NewIBCMiddleware wraps app; restaking delegates for receivers.
func NewIBCMiddleware(app TransferApp, restaking types.RestakingKeeper) IBCMiddleware {
	return IBCMiddleware{TransferApp: app, restaking: restaking}
}

// OnRecvPacket credits and restakes a packet with a restake memo, and
// hands every other packet to the transfer app as it is.
//
// Atomicity: the transfer and the delegation run in one cache context,
// written only if both succeed. On any failure the packet gets an error
// acknowledgement, so IBC core (ibc-go v8 msg_server.go RecvPacket) also
// discards its own cache of this callback, and the source chain refunds
// the sender when the acknowledgement is relayed back.
func (im IBCMiddleware) OnRecvPacket(ctx sdk.Context, packet channeltypes.Packet, relayer sdk.AccAddress) ibcexported.Acknowledgement {
	var data transfertypes.FungibleTokenPacketData
	if err := transfertypes.ModuleCdc.UnmarshalJSON(packet.GetData(), &data); err != nil {
		// Not an ICS-20 packet we can read: the transfer app refuses it
		// with its own error.
		return im.TransferApp.OnRecvPacket(ctx, packet, relayer)
	}
	memo, ours, err := types.ParseMemo(data.Memo)
	if !ours {
		return im.TransferApp.OnRecvPacket(ctx, packet, relayer)
	}
	if err != nil {
		return refuse(ctx, packet, data, err)
	}
	receiver, err := sdk.AccAddressFromBech32(data.Receiver)
	if err != nil {
		return refuse(ctx, packet, data, types.ErrInvalidReceiver.Wrapf("%q: %s", data.Receiver, err))
	}

	cacheCtx, write := ctx.CacheContext()
	ack := im.TransferApp.OnRecvPacket(cacheCtx, packet, relayer)
	if ack == nil {
		return refuse(ctx, packet, data, types.ErrInvalidPacket.Wrap("the transfer app did not acknowledge synchronously"))
	}
	if !ack.Success() {
		// The transfer itself was refused: its acknowledgement and events
		// stand, its state is dropped.
		ctx.EventManager().EmitEvents(cacheCtx.EventManager().Events())
		return ack
	}
	// The transfer app accepted the packet, so its amount parses.
	amount, ok := sdkmath.NewIntFromString(data.Amount)
	if !ok {
		return refuse(ctx, packet, data, types.ErrInvalidPacket.Wrapf("amount %q", data.Amount))
	}
	coin := sdk.NewCoin(types.ReceivedDenom(packet, data.Denom), amount)
	target, shares, err := im.restaking.DelegateTo(cacheCtx, memo.Target, memo.ID, receiver, sdk.NewCoins(coin))
	if err != nil {
		return refuse(ctx, packet, data, err)
	}
	err = cacheCtx.EventManager().EmitTypedEvent(&types.EventRestakeOnArrival{
		Receiver: data.Receiver, Sender: data.Sender,
		PortId: packet.GetDestPort(), ChannelId: packet.GetDestChannel(), Sequence: packet.GetSequence(),
		TargetType: target.Type, TargetId: target.ID, Amount: coin, NewShares: shares,
	})
	if err != nil {
		return refuse(ctx, packet, data, err)
	}
	write()
	return ack
}

// refuse logs and reports why a restake was refused and returns the error
// acknowledgement; nothing of the packet is written.
func refuse(ctx sdk.Context, packet channeltypes.Packet, data transfertypes.FungibleTokenPacketData, err error) ibcexported.Acknowledgement {
	ctx.Logger().With("module", "x/"+types.ModuleName).Info("restake on arrival refused",
		"channel", packet.GetDestChannel(), "sequence", packet.GetSequence(), "receiver", data.Receiver, "error", err.Error())
	evErr := ctx.EventManager().EmitTypedEvent(&types.EventRestakeRefused{
		Receiver: data.Receiver, Sender: data.Sender,
		PortId: packet.GetDestPort(), ChannelId: packet.GetDestChannel(), Sequence: packet.GetSequence(),
		Error: err.Error(),
	})
	if evErr != nil {
		ctx.Logger().With("module", "x/"+types.ModuleName).Error("emitting EventRestakeRefused", "error", evErr.Error())
	}
	return types.NewErrorAcknowledgement(err)
}
