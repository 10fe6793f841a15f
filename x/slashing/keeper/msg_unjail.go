package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// Unjail brings an operator back into a service once the jail time is
// served; only the operator's admin may ask.
func (ms msgServer) Unjail(ctx context.Context, msg *types.MsgUnjail) (*types.MsgUnjailResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	op, err := ms.operators.GetOperator(ctx, msg.OperatorId)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrOperatorNotFound, "operator %d", msg.OperatorId)
	}
	if err := access.RequireAdmin(op.Admin, msg.Sender, "operator %d", msg.OperatorId); err != nil {
		return nil, err
	}
	return &types.MsgUnjailResponse{}, ms.unjail(ctx, msg.OperatorId, msg.ServiceId)
}
