package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// CreateDenom creates factory/{sender}/{subdenom} with the sender as
// admin. It charges denom_creation_gas_consume gas and the whole
// denom_creation_fee, which goes to the community pool.
func (ms msgServer) CreateDenom(ctx context.Context, msg *types.MsgCreateDenom) (*types.MsgCreateDenomResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	denom, err := types.GetTokenDenom(msg.Sender, msg.Subdenom)
	if err != nil {
		return nil, err
	}
	if has, err := ms.denoms.Has(ctx, denom); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrDenomExists, "%s", denom)
	}
	params, err := ms.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(params.DenomCreationGasConsume, "tokenfactory: create denom")
	if !params.DenomCreationFee.IsZero() {
		sender := sdk.MustAccAddressFromBech32(msg.Sender)
		if err := ms.communityPool.FundCommunityPool(ctx, params.DenomCreationFee, sender); err != nil {
			return nil, errorsmod.Wrapf(types.ErrInsufficientFee, "fee %s: %s", params.DenomCreationFee, err)
		}
	}
	if err := ms.createDenom(ctx, denom, msg.Sender); err != nil {
		return nil, err
	}
	if err := emit(ctx, types.NewEventCreateDenom(msg.Sender, denom)); err != nil {
		return nil, err
	}
	return &types.MsgCreateDenomResponse{NewTokenDenom: denom}, nil
}
