package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// BurnLockedRepresentation burns a user's locked tokens (burners only):
// liquid ones now, restaked ones when their forced unbonding completes.
func (ms msgServer) BurnLockedRepresentation(ctx context.Context, msg *types.MsgBurnLockedRepresentation) (*types.MsgBurnLockedRepresentationResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if _, err := ms.requireBurner(ctx, msg.Sender); err != nil {
		return nil, err
	}
	burned, unbonding, err := ms.burnLocked(ctx, sdk.MustAccAddressFromBech32(msg.User), msg.Amount)
	if err != nil {
		return nil, err
	}
	err = sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventBurnLockedRepresentation{
		Sender: msg.Sender, User: msg.User, Burned: burned, Unbonding: unbonding,
	})
	return &types.MsgBurnLockedRepresentationResponse{Burned: burned, Unbonding: unbonding}, err
}
