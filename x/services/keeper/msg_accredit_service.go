package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// AccreditService marks a service accredited (governance only).
func (ms msgServer) AccreditService(ctx context.Context, msg *types.MsgAccreditService) (*types.MsgAccreditServiceResponse, error) {
	if err := ms.setAccreditation(ctx, msg.Authority, msg.ServiceId, true); err != nil {
		return nil, err
	}
	return &types.MsgAccreditServiceResponse{}, nil
}
