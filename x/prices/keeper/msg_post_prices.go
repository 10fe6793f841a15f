package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/prices/types"
)

// PostPrices records the feeder's latest price for each ticker.
func (ms msgServer) PostPrices(ctx context.Context, msg *types.MsgPostPrices) (*types.MsgPostPricesResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	params, err := ms.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if !params.IsFeeder(msg.Feeder) {
		return nil, errorsmod.Wrapf(types.ErrNotFeeder, "%s", msg.Feeder)
	}
	now, err := ms.now(ctx)
	if err != nil {
		return nil, err
	}
	for _, p := range msg.Prices {
		post := types.PricePost{Ticker: p.Ticker, Feeder: msg.Feeder, Price: p.Price, Time: now}
		if err := ms.posts.Set(ctx, postKey(p.Ticker, msg.Feeder), post); err != nil {
			return nil, err
		}
	}
	err = sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventPostPrices{Feeder: msg.Feeder, Prices: msg.Prices})
	return &types.MsgPostPricesResponse{}, err
}
