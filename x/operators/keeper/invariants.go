package keeper

import (
	"fmt"
	"strings"
	"time"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/operators/types"
)

// RegisterInvariants registers the module's invariants, for an app that
// runs x/crisis.
func RegisterInvariants(ir sdk.InvariantRegistry, k *Keeper) {
	ir.RegisterRoute(types.ModuleName, "valid-operators", ValidOperatorsInvariant(k))
	ir.RegisterRoute(types.ModuleName, "inactivation-queue", InactivationQueueInvariant(k))
	ir.RegisterRoute(types.ModuleName, "valid-params", ValidParamsInvariant(k))
}

// AllInvariants runs every invariant and reports the first broken one.
func AllInvariants(k *Keeper) sdk.Invariant {
	return func(ctx sdk.Context) (string, bool) {
		for _, inv := range []sdk.Invariant{ValidOperatorsInvariant(k), InactivationQueueInvariant(k), ValidParamsInvariant(k)} {
			if msg, broken := inv(ctx); broken {
				return msg, true
			}
		}
		return "", false
	}
}

// ValidOperatorsInvariant checks that every operator is valid, has params
// and an id below the next operator id, and that no params are orphaned.
func ValidOperatorsInvariant(k *Keeper) sdk.Invariant {
	return func(ctx sdk.Context) (string, bool) {
		var problems []string
		next, err := k.nextOperatorID.Peek(ctx)
		if err != nil {
			return report("valid-operators", []string{err.Error()})
		}
		err = k.IterateOperators(ctx, func(op types.Operator) (bool, error) {
			if err := op.Validate(); err != nil {
				problems = append(problems, err.Error())
			}
			if uint64(op.Id) >= next {
				problems = append(problems, fmt.Sprintf("operator %d is not below next id %d", op.Id, next))
			}
			if ok, err := k.operatorParams.Has(ctx, op.Id); err != nil || !ok {
				problems = append(problems, fmt.Sprintf("operator %d has no params", op.Id))
			}
			return false, nil
		})
		if err == nil {
			err = k.operatorParams.Walk(ctx, nil, func(id uint32, _ types.OperatorParams) (bool, error) {
				if ok, err := k.operators.Has(ctx, id); err != nil || !ok {
					problems = append(problems, fmt.Sprintf("params of missing operator %d", id))
				}
				return false, nil
			})
		}
		if err != nil {
			problems = append(problems, err.Error())
		}
		return report("valid-operators", problems)
	}
}

// InactivationQueueInvariant checks that the queue holds exactly the
// INACTIVATING operators, each once, matching the per-operator end map.
func InactivationQueueInvariant(k *Keeper) sdk.Invariant {
	return func(ctx sdk.Context) (string, bool) {
		var problems []string
		queued := map[uint32]bool{}
		err := k.inactivationQueue.Walk(ctx, nil, func(key collections.Pair[time.Time, uint32]) (bool, error) {
			id := key.K2()
			if queued[id] {
				problems = append(problems, fmt.Sprintf("operator %d queued twice", id))
			}
			queued[id] = true
			if end, err := k.inactivationEnd.Get(ctx, id); err != nil || !end.Equal(key.K1()) {
				problems = append(problems, fmt.Sprintf("operator %d queue time %s does not match its end entry", id, key.K1()))
			}
			if op, err := k.GetOperator(ctx, id); err != nil || op.Status != types.OPERATOR_STATUS_INACTIVATING {
				problems = append(problems, fmt.Sprintf("queued operator %d is not inactivating", id))
			}
			return false, nil
		})
		if err == nil {
			err = k.IterateOperators(ctx, func(op types.Operator) (bool, error) {
				if op.Status == types.OPERATOR_STATUS_INACTIVATING && !queued[op.Id] {
					problems = append(problems, fmt.Sprintf("inactivating operator %d is not queued", op.Id))
				}
				return false, nil
			})
		}
		if err == nil {
			err = k.inactivationEnd.Walk(ctx, nil, func(id uint32, _ time.Time) (bool, error) {
				if !queued[id] {
					problems = append(problems, fmt.Sprintf("end entry of operator %d has no queue entry", id))
				}
				return false, nil
			})
		}
		if err != nil {
			problems = append(problems, err.Error())
		}
		return report("inactivation-queue", problems)
	}
}

// ValidParamsInvariant checks the module params and every operator's params.
func ValidParamsInvariant(k *Keeper) sdk.Invariant {
	return func(ctx sdk.Context) (string, bool) {
		var problems []string
		if p, err := k.GetParams(ctx); err != nil {
			problems = append(problems, err.Error())
		} else if err := p.Validate(); err != nil {
			problems = append(problems, err.Error())
		}
		err := k.operatorParams.Walk(ctx, nil, func(id uint32, p types.OperatorParams) (bool, error) {
			if err := p.Validate(); err != nil {
				problems = append(problems, fmt.Sprintf("operator %d: %s", id, err))
			}
			return false, nil
		})
		if err != nil {
			problems = append(problems, err.Error())
		}
		return report("valid-params", problems)
	}
}

func report(route string, problems []string) (string, bool) {
	return sdk.FormatInvariant(types.ModuleName, route, strings.Join(problems, "\n")), len(problems) > 0
}
