package types

import (
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"
)

// ZeroStake is a target's stake in a denom nobody delegated yet.
func ZeroStake() DenomStake {
	return DenomStake{Tokens: sdkmath.ZeroInt(), Shares: sdkmath.LegacyZeroDec()}
}

// SharesForDeposit is the number of shares amount buys. The first deposit
// buys shares 1:1; later ones at the current rate, truncated, so rounding
// never favours the depositor over the existing delegators. A target whose
// tokens were all slashed away while shares remain has no meaningful rate
// and takes no deposits.
func (s DenomStake) SharesForDeposit(amount sdkmath.Int) (sdkmath.LegacyDec, error) {
	if s.Tokens.IsZero() {
		if s.Shares.IsPositive() {
			return sdkmath.LegacyDec{}, ErrInvalidExchangeRate
		}
		return sdkmath.LegacyNewDecFromInt(amount), nil
	}
	shares := s.Shares.MulInt(amount).QuoInt(s.Tokens)
	if !shares.IsPositive() {
		return sdkmath.LegacyDec{}, errorsmod.Wrapf(ErrZeroShares, "%s at %s tokens for %s shares", amount, s.Tokens, s.Shares)
	}
	return shares, nil
}

// SharesToWithdraw is the number of shares that must be burnt to take out
// amount: rounded up, so a withdrawal never takes tokens it did not pay
// shares for.
func (s DenomStake) SharesToWithdraw(amount sdkmath.Int) (sdkmath.LegacyDec, error) {
	if s.Tokens.IsZero() || !s.Shares.IsPositive() {
		return sdkmath.LegacyDec{}, errorsmod.Wrap(ErrInsufficientShares, "target holds nothing in this denom")
	}
	return s.Shares.MulInt(amount).QuoRoundUp(sdkmath.LegacyNewDecFromInt(s.Tokens)), nil
}

// TokensFor is what shares are worth, truncated.
func (s DenomStake) TokensFor(shares sdkmath.LegacyDec) sdkmath.Int {
	if !s.Shares.IsPositive() {
		return sdkmath.ZeroInt()
	}
	return shares.MulInt(s.Tokens).QuoTruncate(s.Shares).TruncateInt()
}

// Deposit adds amount and its shares.
func (s DenomStake) Deposit(amount sdkmath.Int, shares sdkmath.LegacyDec) DenomStake {
	return DenomStake{Tokens: s.Tokens.Add(amount), Shares: s.Shares.Add(shares)}
}

// Withdraw burns shares and returns the stake left and the tokens they
// were worth. Burning all shares takes all tokens, so no dust stays
// behind that nobody owns.
func (s DenomStake) Withdraw(shares sdkmath.LegacyDec) (DenomStake, sdkmath.Int) {
	if shares.GTE(s.Shares) {
		return ZeroStake(), s.Tokens
	}
	tokens := s.TokensFor(shares)
	return DenomStake{Tokens: s.Tokens.Sub(tokens), Shares: s.Shares.Sub(shares)}, tokens
}
