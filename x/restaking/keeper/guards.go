package keeper

import (
	"context"

	"cosmossdk.io/collections/indexes"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// DeletionGuard answers x/services and x/operators before they delete a
// target: refused while any delegation or unbonding references it, so a
// deletion can never strand stake or break unbonding payouts.
type DeletionGuard struct{ k *Keeper }

// DeletionGuard returns the guard to install in x/services and x/operators.
func (k *Keeper) DeletionGuard() DeletionGuard { return DeletionGuard{k: k} }

// CanDeleteService implements the services deletion guard.
func (g DeletionGuard) CanDeleteService(ctx context.Context, id uint32) error {
	return g.k.requireUnreferenced(ctx, types.DELEGATION_TYPE_SERVICE, id)
}

// CanDeleteOperator implements the operators deletion guard.
func (g DeletionGuard) CanDeleteOperator(ctx context.Context, id uint32) error {
	return g.k.requireUnreferenced(ctx, types.DELEGATION_TYPE_OPERATOR, id)
}

// requireUnreferenced checks the target's delegation and unbonding indexes:
// two prefix reads, whatever the number of delegators.
func (k *Keeper) requireUnreferenced(ctx context.Context, t types.DelegationType, id uint32) error {
	for _, index := range []struct {
		what  string
		match func(context.Context, TargetKey) (indexes.ReversePairIterator[TargetKey, sdk.AccAddress], error)
	}{
		{"delegations", k.delegations.Indexes.ByTarget.MatchExact},
		{"unbonding delegations", k.unbondings.Indexes.ByTarget.MatchExact},
	} {
		it, err := index.match(ctx, targetKey(t, id))
		if err != nil {
			return err
		}
		found := it.Valid()
		it.Close()
		if found {
			return errorsmod.Wrapf(types.ErrTargetInUse, "%s %d still has %s", t, id, index.what)
		}
	}
	return nil
}
