package keeper

import "github.com/milkyway-labs/milkyway-rollup/x/operators/types"

// msgServer implements types.MsgServer; each Msg lives in its own
// msg_<name>.go file.
type msgServer struct {
	k *Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServer returns the Msg service of the operators module.
func NewMsgServer(k *Keeper) types.MsgServer {
	return msgServer{k: k}
}
