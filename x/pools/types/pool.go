package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// NewPool builds the pool of denom with its derived account.
func NewPool(id uint32, denom string) Pool {
	return Pool{Id: id, Denom: denom, Address: PoolAddress(id).String()}
}

// Validate checks a stored pool.
func (p Pool) Validate() error {
	if p.Id == 0 {
		return errorsmod.Wrap(ErrInvalidPool, "id must be positive")
	}
	if err := sdk.ValidateDenom(p.Denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidDenom, "pool %d: %s", p.Id, err)
	}
	if p.Address != PoolAddress(p.Id).String() {
		return errorsmod.Wrapf(ErrInvalidPool, "pool %d address is not its derived account", p.Id)
	}
	return nil
}

// DefaultGenesis: no pools, ids from 1.
func DefaultGenesis() *GenesisState { return &GenesisState{NextPoolId: 1} }

// Validate checks ids, denoms unique, ids below next_pool_id.
func (gs GenesisState) Validate() error {
	if gs.NextPoolId == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "next_pool_id must be at least 1")
	}
	ids := make(map[uint32]bool, len(gs.Pools))
	denoms := make(map[string]bool, len(gs.Pools))
	for _, p := range gs.Pools {
		if err := p.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if ids[p.Id] || denoms[p.Denom] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pool %d (%s) repeats an id or a denom", p.Id, p.Denom)
		}
		if p.Id >= gs.NextPoolId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pool %d is not below next_pool_id %d", p.Id, gs.NextPoolId)
		}
		ids[p.Id], denoms[p.Denom] = true, true
	}
	return nil
}
