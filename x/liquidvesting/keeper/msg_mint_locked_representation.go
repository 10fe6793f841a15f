package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/liquidvesting/types"
)

// MintLockedRepresentation mints locked/{denom} to the receiver (minters only).
func (ms msgServer) MintLockedRepresentation(ctx context.Context, msg *types.MsgMintLockedRepresentation) (*types.MsgMintLockedRepresentationResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if _, err := ms.requireMinter(ctx, msg.Sender); err != nil {
		return nil, err
	}
	minted, err := ms.mintLocked(ctx, sdk.MustAccAddressFromBech32(msg.Receiver), msg.Amount)
	if err != nil {
		return nil, err
	}
	err = sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventMintLockedRepresentation{
		Sender: msg.Sender, Receiver: msg.Receiver, Minted: minted,
	})
	return &types.MsgMintLockedRepresentationResponse{Minted: minted}, err
}
