package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// BorrowPoolSecurity makes a pool secure an ACTIVE service. Since v8 of the
// reference chain, a service with no borrowed pools is secured by none.
func (ms msgServer) BorrowPoolSecurity(ctx context.Context, msg *types.MsgBorrowPoolSecurity) (*types.MsgBorrowPoolSecurityResponse, error) {
	svc, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender)
	if err != nil {
		return nil, err
	}
	if !svc.IsActive() {
		return nil, errorsmod.Wrapf(types.ErrTargetNotActive, "service %d is %s", msg.ServiceId, svc.Status)
	}
	if _, err := ms.pools.GetPool(ctx, msg.PoolId); err != nil {
		return nil, errorsmod.Wrapf(types.ErrTargetNotFound, "pool %d: %s", msg.PoolId, err)
	}
	if has, err := ms.IsServiceSecuredByPool(ctx, msg.ServiceId, msg.PoolId); err != nil || has {
		return nil, errorsmod.Wrapf(types.ErrAlreadyBorrowed, "service %d, pool %d", msg.ServiceId, msg.PoolId)
	}
	if err := ms.serviceSecuringPools.Set(ctx, idKey(msg.ServiceId, msg.PoolId)); err != nil {
		return nil, err
	}
	err = sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventPoolSecurityChanged{ServiceId: msg.ServiceId, PoolId: msg.PoolId, Borrowed: true})
	return &types.MsgBorrowPoolSecurityResponse{}, err
}
