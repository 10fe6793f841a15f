package keeper

import (
	"context"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

// initSecurityGenesis loads joins, allowlists, borrowed pools and user
// preferences; the store rebuilds the reverse indexes of joins and
// allowlists.
func (k *Keeper) initSecurityGenesis(ctx context.Context, gs *types.GenesisState) error {
	for _, p := range gs.OperatorJoinedServices {
		if err := k.operatorJoinedServices.Set(ctx, idKey(p.OperatorId, p.ServiceId), collections.NoValue{}); err != nil {
			return err
		}
	}
	for _, p := range gs.ServiceAllowedOperators {
		if err := k.serviceAllowList.Set(ctx, idKey(p.ServiceId, p.OperatorId), collections.NoValue{}); err != nil {
			return err
		}
	}
	for _, p := range gs.ServiceSecuringPools {
		if err := k.serviceSecuringPools.Set(ctx, idKey(p.ServiceId, p.PoolId)); err != nil {
			return err
		}
	}
	for _, r := range gs.UsersPreferences {
		if err := k.userPreferences.Set(ctx, sdk.MustAccAddressFromBech32(r.User), r.Preferences); err != nil {
			return err
		}
	}
	return nil
}

// exportSecurityGenesis appends joins, allowlists, borrowed pools and user
// preferences to gs.
func (k *Keeper) exportSecurityGenesis(ctx context.Context, gs *types.GenesisState) error {
	err := k.operatorJoinedServices.Walk(ctx, nil, func(key IDPair, _ collections.NoValue) (bool, error) {
		gs.OperatorJoinedServices = append(gs.OperatorJoinedServices, types.OperatorServicePair{OperatorId: key.K1(), ServiceId: key.K2()})
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.serviceAllowList.Walk(ctx, nil, func(key IDPair, _ collections.NoValue) (bool, error) {
		gs.ServiceAllowedOperators = append(gs.ServiceAllowedOperators, types.OperatorServicePair{ServiceId: key.K1(), OperatorId: key.K2()})
		return false, nil
	})
	if err != nil {
		return err
	}
	err = k.serviceSecuringPools.Walk(ctx, nil, func(key IDPair) (bool, error) {
		gs.ServiceSecuringPools = append(gs.ServiceSecuringPools, types.ServicePoolPair{ServiceId: key.K1(), PoolId: key.K2()})
		return false, nil
	})
	if err != nil {
		return err
	}
	return k.userPreferences.Walk(ctx, nil, func(user sdk.AccAddress, p types.UserPreferences) (bool, error) {
		gs.UsersPreferences = append(gs.UsersPreferences, types.UserPreferencesRecord{User: user.String(), Preferences: p})
		return false, nil
	})
}
