package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/milkyway-labs/milkyway-rollup/x/internal/access"
	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// requireOperatorAdmin checks that the operator exists and signer is its
// admin (MsgRegisterOperatorKey, MsgUnjail).
func (k *Keeper) requireOperatorAdmin(ctx context.Context, operatorID uint32, signer string) error {
	op, err := k.operators.GetOperator(ctx, operatorID)
	if err != nil {
		return errorsmod.Wrapf(types.ErrOperatorNotFound, "operator %d", operatorID)
	}
	return access.RequireAdmin(op.Admin, signer, "operator %d", operatorID)
}

// requireServiceAdmin checks that the service exists and signer is its
// admin (MsgSetSlashingRules).
func (k *Keeper) requireServiceAdmin(ctx context.Context, serviceID uint32, signer string) error {
	svc, err := k.services.GetService(ctx, serviceID)
	if err != nil {
		return errorsmod.Wrapf(types.ErrServiceNotFound, "service %d", serviceID)
	}
	return access.RequireAdmin(svc.Admin, signer, "service %d", serviceID)
}
