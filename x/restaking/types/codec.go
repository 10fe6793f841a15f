package types

import (
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterInterfaces registers the module's Msgs.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgDelegatePool{},
		&MsgDelegateOperator{},
		&MsgDelegateService{},
		&MsgUndelegatePool{},
		&MsgUndelegateOperator{},
		&MsgUndelegateService{},
		&MsgJoinService{},
		&MsgLeaveService{},
		&MsgAddOperatorToAllowList{},
		&MsgRemoveOperatorFromAllowList{},
		&MsgBorrowPoolSecurity{},
		&MsgCeasePoolSecurityBorrow{},
		&MsgSetUserPreferences{},
		&MsgUpdateParams{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
