package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

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
	if op.Admin != signer {
		return op, errorsmod.Wrapf(types.ErrUnauthorized, "%s is not the admin of operator %d", signer, id)
	}
	return op, nil
}

// requireServiceAdmin loads a service and checks signer is its admin.
func (k *Keeper) requireServiceAdmin(ctx context.Context, id uint32, signer string) (servicestypes.Service, error) {
	svc, err := k.services.GetService(ctx, id)
	if err != nil {
		return svc, errorsmod.Wrapf(types.ErrTargetNotFound, "service %d: %s", id, err)
	}
	if svc.Admin != signer {
		return svc, errorsmod.Wrapf(types.ErrUnauthorized, "%s is not the admin of service %d", signer, id)
	}
	return svc, nil
}
