package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// DefaultGenesis: default params, no stake.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams(), NextUnbondingId: 1, NextTrustClassId: 1}
}

type stakeKey struct {
	t     DelegationType
	id    uint32
	denom string
}

// Validate checks the params, each record, and that every target's shares
// are exactly the sum of its delegators' shares (a trust class's shares
// standing for its members').
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	if gs.NextUnbondingId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_unbonding_id must be at least 1")
	}
	sums, err := gs.validateTrustClasses()
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, d := range gs.Delegations {
		key := fmt.Sprintf("%d/%d/%s", d.Type, d.TargetId, d.UserAddress)
		if err := d.validate(); err != nil {
			return err
		}
		if seen[key] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "delegation %s listed twice", key)
		}
		seen[key] = true
		for _, s := range d.directShares() {
			k := stakeKey{d.Type, d.TargetId, s.Denom}
			if _, ok := sums[k]; !ok {
				sums[k] = sdkmath.LegacyZeroDec()
			}
			sums[k] = sums[k].Add(s.Amount)
		}
	}
	for _, ts := range gs.TargetStakes {
		k := stakeKey{ts.Type, ts.TargetId, ts.Denom}
		sum, ok := sums[k]
		if !ok {
			sum = sdkmath.LegacyZeroDec()
		}
		if !sum.Equal(ts.Stake.Shares) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "target %d/%d %s has %s shares but its delegations hold %s", ts.Type, ts.TargetId, ts.Denom, ts.Stake.Shares, sum)
		}
		if ts.Stake.Tokens.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "target %d/%d %s has negative tokens", ts.Type, ts.TargetId, ts.Denom)
		}
		delete(sums, k)
	}
	for k := range sums {
		return errorsmod.Wrapf(ErrInvalidGenesis, "delegations to %d/%d in %s have no target stake", k.t, k.id, k.denom)
	}
	for _, u := range gs.UnbondingDelegations {
		if err := u.validate(gs.Params.MaxEntries, gs.NextUnbondingId); err != nil {
			return err
		}
	}
	return gs.validateSecurity()
}

// validateSecurity checks the links between operators, services and pools
// and the user preferences: positive ids, nothing repeated.
func (gs GenesisState) validateSecurity() error {
	type pair struct{ a, b uint32 }
	check := func(what string, pairs []pair) error {
		seen := map[pair]bool{}
		for _, p := range pairs {
			if p.a == 0 || p.b == 0 || seen[p] {
				return errorsmod.Wrapf(ErrInvalidGenesis, "%s (%d, %d) has a zero id or is repeated", what, p.a, p.b)
			}
			seen[p] = true
		}
		return nil
	}
	var joins, allows, pools []pair
	for _, p := range gs.OperatorJoinedServices {
		joins = append(joins, pair{p.OperatorId, p.ServiceId})
	}
	for _, p := range gs.ServiceAllowedOperators {
		allows = append(allows, pair{p.ServiceId, p.OperatorId})
	}
	for _, p := range gs.ServiceSecuringPools {
		pools = append(pools, pair{p.ServiceId, p.PoolId})
	}
	for what, pairs := range map[string][]pair{"joined service": joins, "allowlist entry": allows, "securing pool": pools} {
		if err := check(what, pairs); err != nil {
			return err
		}
	}
	users := map[string]bool{}
	for _, r := range gs.UsersPreferences {
		if _, err := sdk.AccAddressFromBech32(r.User); err != nil || users[r.User] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "preferences of %q: invalid or repeated user", r.User)
		}
		users[r.User] = true
		if err := r.Preferences.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
	}
	return nil
}

func (d Delegation) validate() error {
	if err := d.Type.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
	}
	if _, err := sdk.AccAddressFromBech32(d.UserAddress); err != nil || d.TargetId == 0 {
		return errorsmod.Wrapf(ErrInvalidGenesis, "delegation of %q to %d", d.UserAddress, d.TargetId)
	}
	if d.Shares.Empty() || d.Shares.Validate() != nil {
		return errorsmod.Wrapf(ErrInvalidGenesis, "delegation of %s to %d has invalid shares %s", d.UserAddress, d.TargetId, d.Shares)
	}
	return nil
}

func (u UnbondingDelegation) validate(maxEntries uint32, nextID uint64) error {
	if err := u.Type.Validate(); err != nil {
		return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
	}
	if _, err := sdk.AccAddressFromBech32(u.DelegatorAddress); err != nil || u.TargetId == 0 {
		return errorsmod.Wrapf(ErrInvalidGenesis, "unbonding of %q from %d", u.DelegatorAddress, u.TargetId)
	}
	if len(u.Entries) == 0 || uint32(len(u.Entries)) > maxEntries {
		return errorsmod.Wrapf(ErrInvalidGenesis, "unbonding of %s from %d has %d entries", u.DelegatorAddress, u.TargetId, len(u.Entries))
	}
	for _, e := range u.Entries {
		if e.UnbondingId == 0 || e.UnbondingId >= nextID || e.Balance.Validate() != nil || !e.Balance.IsAllLTE(e.InitialBalance) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "unbonding entry %d of %s is invalid", e.UnbondingId, u.DelegatorAddress)
		}
	}
	return nil
}
