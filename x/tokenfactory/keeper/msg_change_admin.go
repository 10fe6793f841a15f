package keeper

import (
	"context"

	"github.com/milkyway-labs/milkyway-rollup/x/tokenfactory/types"
)

// ChangeAdmin hands the denom to new_admin. An empty new_admin renounces
// the admin for good: nobody can mint, burn, force-transfer or change the
// metadata again, which makes the supply final.
func (ms msgServer) ChangeAdmin(ctx context.Context, msg *types.MsgChangeAdmin) (*types.MsgChangeAdminResponse, error) {
	if err := msg.ValidateBasic(); err != nil {
		return nil, err
	}
	_, m, err := ms.requireDenomAdmin(ctx, msg.Denom, msg.Sender)
	if err != nil {
		return nil, err
	}
	old := m.Admin
	m.Admin = msg.NewAdmin
	if err := ms.denoms.Set(ctx, msg.Denom, m); err != nil {
		return nil, err
	}
	if err := emit(ctx, types.NewEventChangeAdmin(msg.Denom, old, msg.NewAdmin)); err != nil {
		return nil, err
	}
	return &types.MsgChangeAdminResponse{}, nil
}
