package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// SetDenomMetadata replaces the bank metadata of a factory denom. The
// metadata passes the bank's checks and its base is the denom whose admin
// signs (ValidateBasic and requireDenomAdmin), so an admin can only
// describe its own denom.
func (ms msgServer) SetDenomMetadata(ctx context.Context, msg *types.MsgSetDenomMetadata) (*types.MsgSetDenomMetadataResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	if _, _, err := ms.requireDenomAdmin(ctx, msg.Metadata.Base, msg.Sender); err != nil {
		return nil, err
	}
	ms.bank.SetDenomMetaData(ctx, msg.Metadata)
	if err := emit(ctx, types.NewEventSetDenomMetadata(msg.Metadata)); err != nil {
		return nil, err
	}
	return &types.MsgSetDenomMetadataResponse{}, nil
}
