package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// InitGenesis loads the restaking state and re-queues unbonding entries.
// The by-target, join and allowlist indexes are not in the genesis: the
// store derives them as the maps are written.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.params.Set(ctx, gs.Params); err != nil {
		return err
	}
	if err := k.nextUnbondingID.Set(ctx, gs.NextUnbondingId); err != nil {
		return err
	}
	// A new chain starts its restaking clock at the genesis time.
	clock := gs.Clock
	if clock.IsZero() {
		clock = sdk.UnwrapSDKContext(ctx).BlockTime()
	}
	if err := k.clock.Set(ctx, clock); err != nil {
		return err
	}
	for _, d := range gs.Delegations {
		user := sdk.MustAccAddressFromBech32(d.UserAddress)
		if err := k.setDelegation(ctx, user, d); err != nil {
			return err
		}
	}
	for _, ts := range gs.TargetStakes {
		if err := k.targetStakes.Set(ctx, stakeKey(ts.Type, ts.TargetId, ts.Denom), ts.Stake); err != nil {
			return err
		}
		if err := k.addTotal(ctx, sdk.NewCoin(ts.Denom, ts.Stake.Tokens), true); err != nil {
			return err
		}
	}
	if err := k.initSecurityGenesis(ctx, gs); err != nil {
		return err
	}
	if err := k.initTrustClassGenesis(ctx, gs); err != nil {
		return err
	}
	for _, u := range gs.UnbondingDelegations {
		user := sdk.MustAccAddressFromBech32(u.DelegatorAddress)
		key := delegationKey(user, u.Type, u.TargetId)
		if err := k.unbondings.Set(ctx, key, u); err != nil {
			return err
		}
		for _, e := range u.Entries {
			if err := k.unbondingQueue.Set(ctx, collections.Join(e.CompletionTime, key)); err != nil {
				return err
			}
		}
	}
	return nil
}

// ExportGenesis exports the restaking state.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.params.Get(ctx)
	if err != nil {
		return nil, err
	}
	next, err := k.nextUnbondingID.Peek(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params, NextUnbondingId: next}
	clock, err := k.clock.Get(ctx)
	if err == nil {
		gs.Clock = clock
	} else if !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	err = k.delegations.Walk(ctx, nil, func(_ DelegationKey, d types.Delegation) (bool, error) {
		gs.Delegations = append(gs.Delegations, d)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.targetStakes.Walk(ctx, nil, func(key collections.Triple[int32, uint32, string], s types.DenomStake) (bool, error) {
		gs.TargetStakes = append(gs.TargetStakes, types.TargetDenomStake{
			Type: types.DelegationType(key.K1()), TargetId: key.K2(), Denom: key.K3(), Stake: s,
		})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.unbondings.Walk(ctx, nil, func(_ DelegationKey, u types.UnbondingDelegation) (bool, error) {
		gs.UnbondingDelegations = append(gs.UnbondingDelegations, u)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	if err := k.exportSecurityGenesis(ctx, gs); err != nil {
		return nil, err
	}
	return gs, k.exportTrustClassGenesis(ctx, gs)
}
