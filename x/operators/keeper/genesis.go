package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// InitGenesis validates and stores the genesis state. Hooks are not called:
// other modules import their own view of the operators from their genesis.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.SetParams(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.nextOperatorID.Set(ctx, uint64(gs.NextOperatorId)); err != nil {
		return err
	}
	for _, op := range gs.Operators {
		if err := k.operators.Set(ctx, op.Id, op); err != nil {
			return err
		}
	}
	for _, rec := range gs.OperatorsParams {
		if err := k.operatorParams.Set(ctx, rec.OperatorId, rec.Params); err != nil {
			return err
		}
	}
	for _, entry := range gs.InactivatingOperators {
		if err := k.enqueueInactivation(ctx, entry.OperatorId, entry.CompletionTime.UTC()); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis returns the whole module state: operators and params in id
// order, the inactivation queue in completion order.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.nextOperatorID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs := types.NewGenesisState(params, uint32(next), nil, nil, nil)
	err = k.operators.Walk(ctx, nil, func(_ uint32, op types.Operator) (bool, error) {
		gs.Operators = append(gs.Operators, op)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.operatorParams.Walk(ctx, nil, func(id uint32, p types.OperatorParams) (bool, error) {
		gs.OperatorsParams = append(gs.OperatorsParams, types.OperatorParamsRecord{OperatorId: id, Params: p})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.inactivationQueue.Walk(ctx, nil, func(key collections.Pair[time.Time, uint32]) (bool, error) {
		gs.InactivatingOperators = append(gs.InactivatingOperators,
			types.InactivatingOperator{OperatorId: key.K2(), CompletionTime: key.K1()})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	return gs, nil
}
