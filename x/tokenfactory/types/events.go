package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// NewEventCreateDenom is emitted by MsgCreateDenom.
func NewEventCreateDenom(creator, denom string) *EventCreateDenom {
	return &EventCreateDenom{Creator: creator, Denom: denom}
}

// NewEventMint is emitted by MsgMint.
func NewEventMint(admin, to string, amount sdk.Coin) *EventMint {
	return &EventMint{Admin: admin, MintToAddress: to, Amount: amount}
}

// NewEventBurn is emitted by MsgBurn.
func NewEventBurn(admin, from string, amount sdk.Coin) *EventBurn {
	return &EventBurn{Admin: admin, BurnFromAddress: from, Amount: amount}
}

// NewEventChangeAdmin is emitted by MsgChangeAdmin.
func NewEventChangeAdmin(denom, oldAdmin, newAdmin string) *EventChangeAdmin {
	return &EventChangeAdmin{Denom: denom, OldAdmin: oldAdmin, NewAdmin: newAdmin}
}

// NewEventSetDenomMetadata is emitted by MsgSetDenomMetadata.
func NewEventSetDenomMetadata(metadata banktypes.Metadata) *EventSetDenomMetadata {
	return &EventSetDenomMetadata{Denom: metadata.Base, Metadata: metadata}
}

// NewEventForceTransfer is emitted by MsgForceTransfer.
func NewEventForceTransfer(admin, from, to string, amount sdk.Coin) *EventForceTransfer {
	return &EventForceTransfer{Admin: admin, TransferFromAddress: from, TransferToAddress: to, Amount: amount}
}
