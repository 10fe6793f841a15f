package types_test

import (
	"testing"

	sdkmath "cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/restaking/types"
)

func TestSharesFollowTheExchangeRate(t *testing.T) {
	stake := types.ZeroStake()
	first, err := stake.SharesForDeposit(sdkmath.NewInt(1000))
	require.NoError(t, err)
	require.Equal(t, "1000.000000000000000000", first.String(), "first deposit is 1:1")
	stake = stake.Deposit(sdkmath.NewInt(1000), first)

	stake.Tokens = sdkmath.NewInt(2000) // the target's tokens doubled
	second, err := stake.SharesForDeposit(sdkmath.NewInt(1000))
	require.NoError(t, err)
	require.Equal(t, "500.000000000000000000", second.String())
	stake = stake.Deposit(sdkmath.NewInt(1000), second)
	require.Equal(t, "2000", stake.TokensFor(first).String(), "old shares are worth more")

	slashedAway := types.DenomStake{Tokens: sdkmath.ZeroInt(), Shares: sdkmath.LegacyNewDec(5)}
	_, err = slashedAway.SharesForDeposit(sdkmath.NewInt(1))
	require.ErrorIs(t, err, types.ErrInvalidExchangeRate)

	tiny := types.DenomStake{Tokens: sdkmath.NewIntFromUint64(10_000_000_000_000_000_000), Shares: sdkmath.LegacyNewDec(1)}
	_, err = tiny.SharesForDeposit(sdkmath.NewInt(1))
	require.ErrorIs(t, err, types.ErrZeroShares, "a deposit worth no shares is refused, not swallowed")
}

// FuzzShareRoundTrip: depositing and then withdrawing everything one put in
// never returns more tokens than were deposited, and never leaves the other
// delegators with less than they had.
func FuzzShareRoundTrip(f *testing.F) {
	f.Add(int64(1000), int64(1000), int64(333), int64(7))
	f.Add(int64(1), int64(3), int64(1), int64(1))
	f.Add(int64(999999), int64(1), int64(123456), int64(0))
	f.Fuzz(func(t *testing.T, tokens, shares, deposit, extra int64) {
		if tokens <= 0 || shares <= 0 || deposit <= 0 || extra < 0 {
			return
		}
		stake := types.DenomStake{Tokens: sdkmath.NewInt(tokens).AddRaw(extra), Shares: sdkmath.LegacyNewDec(shares)}
		othersBefore := stake.TokensFor(stake.Shares)
		issued, err := stake.SharesForDeposit(sdkmath.NewInt(deposit))
		if err != nil {
			return
		}
		stake = stake.Deposit(sdkmath.NewInt(deposit), issued)
		left, out := stake.Withdraw(issued)
		require.True(t, out.LTE(sdkmath.NewInt(deposit)), "withdrew %s after depositing %d", out, deposit)
		require.True(t, left.TokensFor(left.Shares).GTE(othersBefore), "others lost value")
	})
}
