package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// The lazy slashing state (docs/adr/002, amendment 2) is exported as is:
// delegations as stored, with the classes and events they settle against,
// so an export and import settle every delegation to the same shares.

func (k *Keeper) initTrustClassGenesis(ctx context.Context, gs *types.GenesisState) error {
	for _, c := range gs.TrustClasses {
		if err := k.trustClasses.Set(ctx, c.Id, c); err != nil {
			return err
		}
	}
	for _, e := range gs.TrustClassEvents {
		if err := k.classEvents.Set(ctx, collections.Join(e.ClassId, e.Event), e.Factor); err != nil {
			return err
		}
	}
	return k.nextTrustClassID.Set(ctx, max(gs.NextTrustClassId, 1))
}

func (k *Keeper) exportTrustClassGenesis(ctx context.Context, gs *types.GenesisState) error {
	err := k.trustClasses.Walk(ctx, nil, func(_ uint64, c types.TrustClass) (bool, error) {
		gs.TrustClasses = append(gs.TrustClasses, c)
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.classEvents.Walk(ctx, nil, func(key collections.Pair[uint64, uint64], f sdkmath.LegacyDec) (bool, error) {
		gs.TrustClassEvents = append(gs.TrustClassEvents, types.TrustClassEvent{ClassId: key.K1(), Event: key.K2(), Factor: f})
		return false, nil
	})
	if err != nil {
		return err
	}
	gs.NextTrustClassId, err = k.nextTrustClassID.Peek(ctx)
	gs.NextTrustClassId = max(gs.NextTrustClassId, 1)
	return err
}
