package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// CeasePoolSecurityBorrow stops a service borrowing a pool.
func (ms msgServer) CeasePoolSecurityBorrow(ctx context.Context, msg *types.MsgCeasePoolSecurityBorrow) (*types.MsgCeasePoolSecurityBorrowResponse, error) {
	if _, err := ms.requireServiceAdmin(ctx, msg.ServiceId, msg.Sender); err != nil {
		return nil, err
	}
	if has, err := ms.IsServiceSecuredByPool(ctx, msg.ServiceId, msg.PoolId); err != nil || !has {
		return nil, errorsmod.Wrapf(types.ErrNotBorrowed, "service %d, pool %d", msg.ServiceId, msg.PoolId)
	}
	if err := ms.serviceSecuringPools.Remove(ctx, idKey(msg.ServiceId, msg.PoolId)); err != nil {
		return nil, err
	}
	err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventPoolSecurityChanged{ServiceId: msg.ServiceId, PoolId: msg.PoolId, Borrowed: false})
	return &types.MsgCeasePoolSecurityBorrowResponse{}, err
}
