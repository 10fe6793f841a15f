package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// RevokeServiceAccreditation clears the accreditation (governance only).
func (ms msgServer) RevokeServiceAccreditation(ctx context.Context, msg *types.MsgRevokeServiceAccreditation) (*types.MsgRevokeServiceAccreditationResponse, error) {
	if err := ms.setAccreditation(ctx, msg.Authority, msg.ServiceId, false); err != nil {
		return nil, err
	}
	return &types.MsgRevokeServiceAccreditationResponse{}, nil
}
