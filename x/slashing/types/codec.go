package types

import (
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterInterfaces registers the module's Msgs.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgSetSlashingRules{}, &MsgRegisterOperatorKey{}, &MsgSubmitDoubleSign{}, &MsgSubmitAttestedFault{},
		&MsgSubmitEquivocation{}, &MsgSubmitStateMismatch{}, &MsgSubmitCensorship{}, &MsgVetoSlash{}, &MsgUnjail{}, &MsgUpdateParams{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
