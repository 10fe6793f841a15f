package types

import (
	transfertypes "github.com/cosmos/ibc-go/v8/modules/apps/transfer/types"
	channeltypes "github.com/cosmos/ibc-go/v8/modules/core/04-channel/types"
)

// ReceivedDenom is the denom this chain's ICS-20 module credits for a
// packet carrying packetDenom, by the rule of ibc-go v8's transfer keeper
// (OnRecvPacket in modules/apps/transfer/keeper/relay.go):
//
//   - the token comes home (packetDenom starts with the packet's source
//     port/channel): the prefix is removed, leaving a native denom, or the
//     ibc/HASH of the shorter trace if the token had come from a third chain;
//   - otherwise a voucher is minted: ibc/HASH of this end's
//     "port/channel/" + packetDenom.
func ReceivedDenom(packet channeltypes.Packet, packetDenom string) string {
	if transfertypes.ReceiverChainIsSource(packet.GetSourcePort(), packet.GetSourceChannel(), packetDenom) {
		prefix := transfertypes.GetDenomPrefix(packet.GetSourcePort(), packet.GetSourceChannel())
		unprefixed := packetDenom[len(prefix):]
		trace := transfertypes.ParseDenomTrace(unprefixed)
		if trace.IsNativeDenom() {
			return unprefixed
		}
		return trace.IBCDenom()
	}
	prefix := transfertypes.GetDenomPrefix(packet.GetDestPort(), packet.GetDestChannel())
	return transfertypes.ParseDenomTrace(prefix + packetDenom).IBCDenom()
}
