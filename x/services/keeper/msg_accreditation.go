package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// AccreditService marks a service accredited (governance only).
func (ms msgServer) AccreditService(ctx context.Context, msg *types.MsgAccreditService) (*types.MsgAccreditServiceResponse, error) {
	if err := ms.setAccreditation(ctx, msg.Authority, msg.ServiceId, true); err != nil {
		return nil, err
	}
	return &types.MsgAccreditServiceResponse{}, nil
}

// RevokeServiceAccreditation clears the accreditation (governance only).
func (ms msgServer) RevokeServiceAccreditation(ctx context.Context, msg *types.MsgRevokeServiceAccreditation) (*types.MsgRevokeServiceAccreditationResponse, error) {
	if err := ms.setAccreditation(ctx, msg.Authority, msg.ServiceId, false); err != nil {
		return nil, err
	}
	return &types.MsgRevokeServiceAccreditationResponse{}, nil
}

func (ms msgServer) setAccreditation(ctx context.Context, authority string, serviceID uint32, accredited bool) error {
	if err := ms.requireAuthority(authority); err != nil {
		return err
	}
	service, err := ms.GetService(ctx, serviceID)
	if err != nil {
		return err
	}
	if service.Accredited == accredited {
		return errorsmod.Wrapf(types.ErrAccreditationUnchanged, "service %d accredited=%t", serviceID, accredited)
	}
	service.Accredited = accredited
	if err := ms.saveService(ctx, service); err != nil {
		return err
	}
	if err := ms.hooksOrNoop().AfterServiceAccreditationModified(ctx, serviceID); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventSetServiceAccreditation{ServiceId: serviceID, Accredited: accredited})
}
