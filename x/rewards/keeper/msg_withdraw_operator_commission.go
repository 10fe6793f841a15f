package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

// WithdrawOperatorCommission pays the whole units of an operator's
// commission to its admin's withdraw address; fractions stay accrued.
func (ms msgServer) WithdrawOperatorCommission(ctx context.Context, msg *types.MsgWithdrawOperatorCommission) (*types.MsgWithdrawOperatorCommissionResponse, error) {
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
	paid, err := ms.payCommission(ctx, msg.OperatorId, sdk.MustAccAddressFromBech32(op.Admin), false)
	if err != nil {
		return nil, err
	}
	if paid.IsZero() {
		return nil, errorsmod.Wrapf(types.ErrNoRewards, "operator %d has no whole unit of commission", msg.OperatorId)
	}
	return &types.MsgWithdrawOperatorCommissionResponse{Amount: paid}, nil
}
