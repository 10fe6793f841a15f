package keeper

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/slashing/types"
)

// RegisterInvariants registers the crisis routes.
func (k *Keeper) RegisterInvariants(ir sdk.InvariantRegistry) {
	ir.RegisterRoute(types.ModuleName, "pipeline", func(ctx sdk.Context) (string, bool) { return k.PipelineInvariant(ctx) })
	ir.RegisterRoute(types.ModuleName, "module-account", func(ctx sdk.Context) (string, bool) { return k.ModuleAccountInvariant(ctx) })
}

// PipelineInvariant: the pending queue holds exactly the PENDING slashes,
// each under its execution time; every slash owns its evidence id; executed
// slashes are within their fraction bound. (The by-operator and by-service
// indexes of the PENDING slashes are kept by the store with the slashes, so
// nothing checks them here.)
func (k *Keeper) PipelineInvariant(ctx context.Context) (string, bool) {
	queued := map[uint64]bool{}
	err := k.pending.Walk(ctx, nil, func(key PendingKey) (bool, error) {
		queued[key.K2()] = true
		s, err := k.slashes.Get(ctx, key.K2())
		if err != nil || s.Status != types.SLASH_STATUS_PENDING || !s.ExecuteAt.Equal(key.K1()) {
			return true, fmt.Errorf("queue entry %d at %s does not match a pending slash (%v)", key.K2(), key.K1(), err)
		}
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	err = k.slashes.Walk(ctx, nil, func(id uint64, s types.Slash) (bool, error) {
		if (s.Status == types.SLASH_STATUS_PENDING) != queued[id] {
			return true, fmt.Errorf("slash %d is %s but queued=%v", id, s.Status, queued[id])
		}
		// A vetoed slash gave its evidence id back.
		if s.Status != types.SLASH_STATUS_VETOED {
			owner, err := k.evidence.Get(ctx, s.EvidenceHash)
			if err != nil || owner != id {
				return true, fmt.Errorf("slash %d's evidence id points at %d (%v)", id, owner, err)
			}
		}
		if s.Fraction.GT(s.Rule.MaxFraction) {
			return true, fmt.Errorf("slash %d takes %s above its rule's %s", id, s.Fraction, s.Rule.MaxFraction)
		}
		return false, nil
	})
	if err != nil {
		return err.Error(), true
	}
	return "", false
}

// ModuleAccountInvariant: the module account holds exactly the bonds of
// the pending slashes; slashed tokens never rest there (execution burns
// them or pays them out in the same step).
func (k *Keeper) ModuleAccountInvariant(ctx context.Context) (string, bool) {
	bonds := sdk.Coins{}
	err := k.pending.Walk(ctx, nil, func(key PendingKey) (bool, error) {
		s, err := k.slashes.Get(ctx, key.K2())
		bonds = bonds.Add(s.Bond...)
		return false, err
	})
	if err != nil {
		return err.Error(), true
	}
	addr := k.accounts.GetModuleAddress(types.ModuleName)
	if bal := k.bank.GetAllBalances(ctx, addr); !bal.Equal(bonds) {
		return fmt.Sprintf("slashing module account holds %s, pending bonds are %s", bal, bonds), true
	}
	return "", false
}
