package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultGenesis: default params, no plans, plan ids from 1.
func DefaultGenesis() *GenesisState { return &GenesisState{Params: DefaultParams(), NextPlanId: 1} }

// Validate checks the genesis without state.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextPlanId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_plan_id must be positive")
	}
	seen := map[uint64]bool{}
	for _, p := range gs.Plans {
		if err := p.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if seen[p.Id] || p.Id >= gs.NextPlanId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "plan %d repeated or not below next_plan_id %d", p.Id, gs.NextPlanId)
		}
		seen[p.Id] = true
	}
	for _, r := range gs.RewardsPerShare {
		if err := validDecCoins("rewards_per_share", r.Ratio); err != nil {
			return err
		}
	}
	for _, s := range gs.Snapshots {
		if _, err := sdk.AccAddressFromBech32(s.Delegator); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "snapshot delegator %q: %s", s.Delegator, err)
		}
		if err := validDecCoins("snapshot", s.Ratio); err != nil {
			return err
		}
	}
	for _, s := range gs.PoolServiceShares {
		if s.Shares.IsNil() || !s.Shares.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pool %d service %d: shares must be positive", s.PoolId, s.ServiceId)
		}
	}
	for _, o := range gs.Outstanding {
		if err := validDecCoins("outstanding", o.Amount); err != nil {
			return err
		}
	}
	for _, c := range gs.Commissions {
		if err := validDecCoins("commission", c.Amount); err != nil {
			return err
		}
	}
	if err := validDecCoins("dust", gs.Dust); err != nil {
		return err
	}
	for _, r := range gs.ClassEventRatios {
		if r.ClassId == 0 || r.Event == 0 || r.ServiceId == 0 || sdk.ValidateDenom(r.Denom) != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "class event ratio (%d, %d, %d, %q)", r.ClassId, r.Event, r.ServiceId, r.Denom)
		}
		if err := validDecCoins("class event ratio", r.Ratio); err != nil {
			return err
		}
	}
	for _, w := range gs.WithdrawAddresses {
		if _, err := sdk.AccAddressFromBech32(w.User); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdraw address user %q: %s", w.User, err)
		}
		if _, err := sdk.AccAddressFromBech32(w.WithdrawAddress); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "withdraw address %q: %s", w.WithdrawAddress, err)
		}
	}
	return nil
}

func validDecCoins(field string, c sdk.DecCoins) error {
	if err := c.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "%s: %s", field, err)
	}
	return nil
}
