package keeper

import (
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

type msgServer struct{ *Keeper }

var _ types.MsgServer = msgServer{}

// NewMsgServer returns the Msg service implementation.
func NewMsgServer(k *Keeper) types.MsgServer { return msgServer{Keeper: k} }
