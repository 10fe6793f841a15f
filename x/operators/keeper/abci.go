package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// BeginBlocker completes the inactivations that have matured by the block
// time: INACTIVATING -> INACTIVE, with an event and the
// AfterOperatorInactivatingCompleted hook. It visits only matured queue
// entries. An error (a broken invariant or a failing hook) halts the chain.
func (k *Keeper) BeginBlocker(ctx context.Context) error {
	now, err := k.now(ctx)
	if err != nil {
		return err
	}
	matured, err := k.maturedInactivations(ctx, now)
	if err != nil {
		return err
	}
	for _, entry := range matured {
		id := entry.K2()
		if err := k.completeInactivation(ctx, id); err != nil {
			return errorsmod.Wrapf(err, "completing inactivation of operator %d", id)
		}
		if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventCompleteOperatorInactivation{OperatorId: id}); err != nil {
			return err
		}
	}
	return nil
}
