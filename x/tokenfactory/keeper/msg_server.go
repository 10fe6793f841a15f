package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// msgServer implements the tokenfactory Msg service; one Msg per file.
type msgServer struct {
	*Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServer returns the Msg service implementation.
func NewMsgServer(k *Keeper) types.MsgServer { return msgServer{Keeper: k} }

// emit emits a typed event.
func emit(ctx context.Context, ev proto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(ev)
}
