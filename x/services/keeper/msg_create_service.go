package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// CreateService registers a CREATED service with the sender as admin. When
// a registration fee is set, fee_amount must cover it in at least one of
// its denoms, and all of fee_amount goes to the community pool.
func (ms msgServer) CreateService(ctx context.Context, msg *types.MsgCreateService) (*types.MsgCreateServiceResponse, error) {
	sender, err := sdk.AccAddressFromBech32(msg.Sender)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrInvalidAddress, err.Error())
	}
	params, err := ms.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if fee := params.ServiceRegistrationFee; !fee.IsZero() {
		if !msg.FeeAmount.IsAnyGTE(fee) {
			return nil, errorsmod.Wrapf(types.ErrInsufficientFee, "fee %s does not cover %s in any denom", msg.FeeAmount, fee)
		}
	}
	if !msg.FeeAmount.IsZero() {
		if err := ms.communityPool.FundCommunityPool(ctx, msg.FeeAmount, sender); err != nil {
			return nil, errorsmod.Wrap(types.ErrInsufficientFee, err.Error())
		}
	}

	id, err := ms.nextServiceID.Next(ctx)
	if err != nil {
		return nil, err
	}
	service := types.NewService(uint32(id), msg.Sender, msg.Name, msg.Description, msg.Website, msg.PictureUrl)
	if err := ms.saveService(ctx, service); err != nil {
		return nil, err
	}
	ms.createServiceAccount(ctx, service.Id)
	if err := ms.hooksOrNoop().AfterServiceCreated(ctx, service.Id); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventCreateService{ServiceId: service.Id, Admin: msg.Sender}); err != nil {
		return nil, err
	}
	return &types.MsgCreateServiceResponse{NewServiceId: service.Id}, nil
}
