package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// Unjail brings an operator back into a service once the jail time is
// served; only the operator's admin may ask.
func (ms msgServer) Unjail(ctx context.Context, msg *types.MsgUnjail) (*types.MsgUnjailResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if err := ms.requireOperatorAdmin(ctx, msg.OperatorId, msg.Sender); err != nil {
		return nil, err
	}
	return &types.MsgUnjailResponse{}, ms.unjail(ctx, msg.OperatorId, msg.ServiceId)
}
