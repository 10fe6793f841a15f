package types

import (
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis: default params, no posts.
func DefaultGenesis() *GenesisState { return &GenesisState{Params: DefaultParams()} }

// Validate checks params and posts: valid, from a feeder, one per
// (ticker, feeder).
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	seen := map[[2]string]bool{}
	for _, p := range gs.Posts {
		if err := (TickerPrice{Ticker: p.Ticker, Price: p.Price}).Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if !gs.Params.IsFeeder(p.Feeder) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "post by %s, who is not a feeder", p.Feeder)
		}
		key := [2]string{p.Ticker, p.Feeder}
		if seen[key] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s posted twice by %s", p.Ticker, p.Feeder)
		}
		seen[key] = true
	}
	return nil
}
