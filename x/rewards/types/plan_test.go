package types_test

import (
	"testing"
	"time"

	sdkmath "cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	"github.com/milkyway-labs/milkyway-rollup/x/rewards/types"
)

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func terms(perDay int64) types.PlanTerms {
	basic := types.Distribution{Type: types.DISTRIBUTION_TYPE_BASIC}
	return types.PlanTerms{AmountPerDay: sdk.NewInt64Coin("uinit", perDay), StartTime: t0, EndTime: t0.Add(48 * time.Hour),
		Pools: basic, Operators: basic}
}

// Due is computed from the total accrued time, so paying slice by slice
// loses nothing to truncation, and a rate change keeps what was due.
func TestPlanLedger(t *testing.T) {
	p := types.NewPlan(1, 1, terms(1000), sdk.NewInt64Coin("uinit", 10_000))
	for i := 0; i < 1000; i++ { // 1000 blocks of 1 s: 11.57... each, truncated alone
		p.Accrue(time.Second)
		p.Pay(p.Unpaid())
	}
	require.Equal(t, "11", p.Allocated.String(), "1000 s of 1000/day")
	p.Accrue(24*time.Hour - 1000*time.Second)
	require.Equal(t, "989", p.Unpaid().String())
	p.SetTerms(terms(2000)) // 989 stays due
	p.Accrue(12 * time.Hour)
	require.Equal(t, "1989", p.Unpaid().String())
	p.Pay(sdkmath.NewInt(1989))
	require.Equal(t, "2000", p.Allocated.String())
	require.Equal(t, "8000uinit", p.Remaining.String())
	require.NoError(t, p.Validate())
}

func TestActiveTime(t *testing.T) {
	p := types.NewPlan(1, 1, terms(1), sdk.NewInt64Coin("uinit", 0))
	cases := []struct {
		from, to time.Duration
		want     time.Duration
	}{
		{-time.Hour, -time.Minute, 0},                                           // before start
		{-time.Hour, time.Minute, time.Minute},                                  // straddles the start
		{time.Hour, 2*time.Hour + time.Nanosecond, time.Hour + time.Nanosecond}, // inside: no rounding
		{47 * time.Hour, 50 * time.Hour, time.Hour},                             // straddles the end
		{49 * time.Hour, 50 * time.Hour, 0},                                     // after the end
	}
	for _, c := range cases {
		require.Equal(t, c.want, p.ActiveTime(t0.Add(c.from), t0.Add(c.to)), "%s..%s", c.from, c.to)
	}
}

func TestGenesisValidate(t *testing.T) {
	require.NoError(t, types.DefaultGenesis().Validate())
	bad := []func(gs *types.GenesisState){
		func(gs *types.GenesisState) { gs.NextPlanId = 0 },
		func(gs *types.GenesisState) {
			gs.Plans = []types.RewardsPlan{types.NewPlan(1, 1, terms(1), sdk.NewInt64Coin("uinit", 0))} // id ≥ next id
		},
		func(gs *types.GenesisState) {
			gs.NextPlanId = 2
			gs.Plans = []types.RewardsPlan{types.NewPlan(1, 1, terms(1), sdk.NewInt64Coin("umilk", 0))} // budget denom
		},
		func(gs *types.GenesisState) {
			gs.PoolServiceShares = []types.PoolServiceShares{{PoolId: 1, ServiceId: 1, Shares: sdkmath.LegacyZeroDec()}}
		},
		func(gs *types.GenesisState) {
			gs.WithdrawAddresses = []types.WithdrawAddress{{User: "milk1bad", WithdrawAddress: "milk1bad"}}
		},
	}
	for i, mutate := range bad {
		gs := types.DefaultGenesis()
		mutate(gs)
		require.ErrorIs(t, gs.Validate(), types.ErrInvalidGenesis, "case %d", i)
	}
	gs := types.DefaultGenesis()
	gs.Params.MaxAllocationStep = 0
	require.ErrorIs(t, gs.Validate(), types.ErrInvalidParams)
}
