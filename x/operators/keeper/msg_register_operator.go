package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// RegisterOperator registers an ACTIVE operator administered by the sender.
// When a registration fee is set, fee_amount must cover it in at least one
// denom and all of fee_amount goes to the community pool.
func (ms msgServer) RegisterOperator(ctx context.Context, msg *types.MsgRegisterOperator) (*types.MsgRegisterOperatorResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	admin, senderBz, err := ms.k.canonicalAddress("sender", msg.Sender)
	if err != nil {
		return nil, err
	}
	params, err := ms.k.GetParams(ctx)
	if err != nil {
		return nil, err
	}

	var feePaid sdk.Coins
	if !params.OperatorRegistrationFee.IsZero() {
		if !msg.FeeAmount.IsAnyGTE(params.OperatorRegistrationFee) {
			return nil, types.ErrInsufficientFee.Wrapf("offered %s, need at least one of %s", msg.FeeAmount, params.OperatorRegistrationFee)
		}
		if err := ms.k.communityPool.FundCommunityPool(ctx, msg.FeeAmount, senderBz); err != nil {
			return nil, err
		}
		feePaid = msg.FeeAmount
	}

	id, err := ms.k.nextID(ctx)
	if err != nil {
		return nil, err
	}
	address, err := ms.k.operatorAddress(id)
	if err != nil {
		return nil, err
	}
	op := types.NewOperator(id, types.OPERATOR_STATUS_ACTIVE, admin, msg.Moniker, msg.Website, msg.PictureUrl, address)
	now, err := ms.k.now(ctx)
	if err != nil {
		return nil, err
	}
	opParams := types.NewOperatorParams(msg.CommissionRate, msg.MaxCommissionRate, msg.MaxCommissionChangeRate, now)
	if err := ms.k.createOperator(ctx, op, opParams); err != nil {
		return nil, err
	}

	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventRegisterOperator{
		OperatorId: id, Admin: admin, Address: address, FeePaid: feePaid,
	}); err != nil {
		return nil, err
	}
	return &types.MsgRegisterOperatorResponse{NewOperatorId: id}, nil
}
