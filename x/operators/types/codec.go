package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the Msgs under their amino names (the
// same as the proto amino.name options) for the ledger sign mode.
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	legacy.RegisterAminoMsg(cdc, &MsgRegisterOperator{}, "milkyway/MsgRegisterOperator")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateOperator{}, "milkyway/MsgUpdateOperator")
	legacy.RegisterAminoMsg(cdc, &MsgDeactivateOperator{}, "milkyway/MsgDeactivateOperator")
	legacy.RegisterAminoMsg(cdc, &MsgReactivateOperator{}, "milkyway/MsgReactivateOperator")
	legacy.RegisterAminoMsg(cdc, &MsgDeleteOperator{}, "milkyway/MsgDeleteOperator")
	legacy.RegisterAminoMsg(cdc, &MsgTransferOperatorOwnership{}, "milkyway/MsgTransferOperatorOwnership")
	legacy.RegisterAminoMsg(cdc, &MsgSetOperatorParams{}, "milkyway/MsgSetOperatorParams")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "milkyway/operators/MsgUpdateParams")
}

// RegisterInterfaces registers the Msgs and the Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgRegisterOperator{},
		&MsgUpdateOperator{},
		&MsgDeactivateOperator{},
		&MsgReactivateOperator{},
		&MsgDeleteOperator{},
		&MsgTransferOperatorOwnership{},
		&MsgSetOperatorParams{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
