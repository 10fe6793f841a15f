package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	operatorstypes "github.com/milkyway-labs/milkyway-rollup/x/operators/types"
	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
	servicestypes "github.com/milkyway-labs/milkyway-rollup/x/services/types"
)

// requireOperatorAdmin loads an operator and checks signer is its admin.
func (k *Keeper) requireOperatorAdmin(ctx context.Context, id uint32, signer string) (operatorstypes.Operator, error) {
	op, err := k.operators.GetOperator(ctx, id)
	if err != nil {
		return op, errorsmod.Wrapf(types.ErrTargetNotFound, "operator %d: %s", id, err)
	}
	if err := access.RequireAdmin(op.Admin, signer, "operator %d", id); err != nil {
		return op, err
	}
	return op, nil
}

// requireServiceAdmin loads a service and checks signer is its admin.
func (k *Keeper) requireServiceAdmin(ctx context.Context, id uint32, signer string) (servicestypes.Service, error) {
	svc, err := k.services.GetService(ctx, id)
	if err != nil {
		return svc, errorsmod.Wrapf(types.ErrTargetNotFound, "service %d: %s", id, err)
	}
	if err := access.RequireAdmin(svc.Admin, signer, "service %d", id); err != nil {
		return svc, err
	}
	return svc, nil
}
